import Link from "next/link";
import { RelativeTime } from "@/components/approvals/relative-time";
import { cn } from "@/components/ui/cn";
import {
  ROW_LINK_CLASS,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { PromptSummaryDto } from "@/lib/schemas/prompts";
import { LabelBadge, sortLabels } from "./label-badge";

/** One prompt: the name's link covers the row, so a click anywhere opens the prompt. */
function PromptRow({ prompt }: { prompt: PromptSummaryDto }) {
  return (
    <TableRow data-testid="prompt-row" data-prompt-name={prompt.name} className="relative">
      <TableCell className="max-w-md">
        <Link
          href={`/prompts/${encodeURIComponent(prompt.id)}`}
          className={cn(ROW_LINK_CLASS, "font-mono font-medium break-all hover:underline")}
        >
          {prompt.name}
        </Link>
        {prompt.description && (
          <p className="mt-0.5 line-clamp-2 text-xs text-muted-foreground">{prompt.description}</p>
        )}
      </TableCell>
      <TableCell>
        {prompt.labels.length === 0 ? (
          <span className="text-xs text-muted-foreground">No labels</span>
        ) : (
          <ul className="flex flex-wrap gap-1.5" aria-label={`Labels of ${prompt.name}`}>
            {sortLabels(prompt.labels).map((label) => (
              <li key={label.name}>
                <LabelBadge name={label.name} version={label.version} />
              </li>
            ))}
          </ul>
        )}
      </TableCell>
      <TableCell className="font-mono whitespace-nowrap tabular-nums">
        {prompt.latestVersion === null ? "–" : `v${prompt.latestVersion}`}
      </TableCell>
      <TableCell className="whitespace-nowrap text-muted-foreground">
        <RelativeTime iso={prompt.updatedAt} />
      </TableCell>
    </TableRow>
  );
}

/** The workspace's prompts as a table: name and description, labels, latest version, last change. */
export function PromptsTable({ prompts, stale }: { prompts: PromptSummaryDto[]; stale: boolean }) {
  return (
    <Table data-testid="prompts-table" aria-busy={stale}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Prompt</TableHead>
          <TableHead>Labels</TableHead>
          <TableHead>Latest</TableHead>
          <TableHead>Updated</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {prompts.map((prompt) => (
          <PromptRow key={prompt.id} prompt={prompt} />
        ))}
      </TableBody>
    </Table>
  );
}
