import type { Metadata } from "next";
import { PromptsView } from "@/components/prompts/prompts-view";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Prompts" };

/** The Prompts page: every member searches the managed prompts; `prompt.edit` creates them. */
export default async function PromptsPage() {
  const ctx = await requirePageContext();
  return (
    <PromptsView workspaceId={ctx.workspace.id} canEdit={ctx.permissions.includes("prompt.edit")} />
  );
}
