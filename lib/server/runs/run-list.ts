import { listRunPage, type RunListRow } from "@/lib/db/run-list";
import { keysetPage } from "@/lib/schemas/list-query";
import { type RunListItem, type RunListPage, type RunListQuery } from "@/lib/schemas/run-list";
import type { WorkspaceContext } from "../workspace-context";

/** How many characters of the input a row previews. */
export const INPUT_PREVIEW_CHARS = 120;

/** PostgreSQL's jsonb text ("{"a": 1, "b": [2, 3]}") without the spaces outside strings. */
export function compactJsonText(text: string): string {
  let out = "";
  let inString = false;
  let escaped = false;
  for (const char of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (char === "\\") escaped = true;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === " " || char === "\n" || char === "\t" || char === "\r") continue;
    out += char;
  }
  return out;
}

/** The first INPUT_PREVIEW_CHARS characters of the compact input, with "…" when there is more. */
export function inputPreview(head: string | null): string | null {
  if (head === null) return null;
  const chars = Array.from(compactJsonText(head));
  if (chars.length <= INPUT_PREVIEW_CHARS) return chars.join("");
  return `${chars.slice(0, INPUT_PREVIEW_CHARS).join("")}…`;
}

function toItem({ inputHead, createdAt, finishedAt, ...row }: RunListRow): RunListItem {
  return {
    ...row,
    status: row.status as RunListItem["status"],
    trigger: row.trigger as RunListItem["trigger"],
    createdAt: createdAt.toISOString(),
    finishedAt: finishedAt?.toISOString() ?? null,
    inputPreview: inputPreview(inputHead),
  };
}

/**
 * A page of the active workspace's runs matching the query, newest first; `nextCursor` points
 * after the last row when more rows match.
 */
export async function listRuns(ctx: WorkspaceContext, query: RunListQuery): Promise<RunListPage> {
  const { cursor, limit, ...filters } = query;
  const rows = await listRunPage({
    ...filters,
    workspaceId: ctx.workspace.id,
    after: cursor,
    limit: limit + 1,
  });
  return keysetPage(rows, limit, toItem);
}
