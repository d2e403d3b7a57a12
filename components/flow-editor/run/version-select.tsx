"use client";

import { FormField } from "@/components/ui/form-field";
import { Select } from "@/components/ui/select";
import { useFlowVersions } from "@/lib/query/flow-versions";

/** Picks what to run: the draft (""), or one of the flow's saved versions by id. */
export function VersionSelect({
  workspaceId,
  flowId,
  value,
  onChange,
}: {
  workspaceId: string;
  flowId: string;
  value: string;
  onChange: (versionId: string) => void;
}) {
  const versions = useFlowVersions(workspaceId, flowId);
  const hint = versions.isError
    ? "Could not load the saved versions; the draft can still run."
    : value
      ? "Runs the saved version as it was published: without the draft's edits or pins."
      : "Runs the draft as saved, with its pinned outputs.";
  return (
    <FormField id="run-target" label="Run" hint={hint}>
      {(control) => (
        <Select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">Draft</option>
          {versions.isPending && <option disabled>Loading versions…</option>}
          {versions.data?.map((version) => (
            <option key={version.id} value={version.id}>
              {`Version ${version.version}${version.message ? `: ${version.message}` : ""}`}
            </option>
          ))}
        </Select>
      )}
    </FormField>
  );
}
