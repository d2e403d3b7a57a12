import { listPromptSummaries } from "@/lib/db/prompts";
import type { PromptSummaryDto } from "@/lib/schemas/prompts";
import type { WorkspaceContext } from "./workspace-context";

/** The active workspace's managed prompts with their labels and latest version. */
export function promptsOf(ctx: WorkspaceContext): Promise<PromptSummaryDto[]> {
  return listPromptSummaries(ctx.workspace.id);
}
