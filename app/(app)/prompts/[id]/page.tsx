import type { Metadata } from "next";
import { PromptView } from "@/components/prompts/prompt-view";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Prompt" };

/**
 * One prompt: `prompt.edit` edits and saves versions, moves unprotected labels and requests
 * changes of protected ones; `change.approve` may roll a protected label back at once.
 */
export default async function PromptPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const { id } = await params;
  return (
    <PromptView
      workspaceId={ctx.workspace.id}
      promptId={id}
      userId={ctx.user.id}
      canEdit={ctx.permissions.includes("prompt.edit")}
      canApprove={ctx.permissions.includes("change.approve")}
    />
  );
}
