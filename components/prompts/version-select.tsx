import { Select } from "@/components/ui/select";
import type {
  PromptDetailDto,
  PromptLabelDto,
  PromptVersionSummaryDto,
} from "@/lib/schemas/prompt-library";

/** "v3: Shorter greeting (production, staging)", the message cut at 50 characters. */
export function versionOptionText(version: PromptVersionSummaryDto): string {
  const message =
    version.message.length > 50 ? `${version.message.slice(0, 50)}…` : version.message;
  const labels = version.labels.length > 0 ? ` (${version.labels.join(", ")})` : "";
  return `v${version.version}: ${message}${labels}`;
}

/** A select of versions, newest first, by version number (or by id with `by="id"`). */
export function VersionSelect({
  id,
  versions,
  value,
  onChange,
  by = "number",
  describedBy,
}: {
  id: string;
  versions: PromptVersionSummaryDto[];
  value: string;
  onChange: (value: string) => void;
  by?: "number" | "id";
  describedBy?: string;
}) {
  return (
    <Select
      id={id}
      value={value}
      aria-describedby={describedBy}
      onChange={(event) => onChange(event.target.value)}
    >
      {versions.map((version) => (
        <option key={version.id} value={by === "id" ? version.id : String(version.version)}>
          {versionOptionText(version)}
        </option>
      ))}
    </Select>
  );
}

/** The newest version the label does not point at yet (what a request usually asks for). */
export function proposedVersionId(prompt: PromptDetailDto, label: PromptLabelDto): string {
  return (prompt.versions.find((v) => v.id !== label.versionId) ?? prompt.versions[0])?.id ?? "";
}
