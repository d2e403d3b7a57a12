import type { Metadata } from "next";
import { FlowEditor } from "@/components/flow-editor/flow-editor";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Flow editor" };

/** The visual editor of one flow's draft. */
export default async function FlowEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const { id } = await params;
  return (
    <FlowEditor
      workspaceId={ctx.workspace.id}
      flowId={id}
      canEdit={ctx.permissions.includes("flow.edit")}
      canRun={ctx.permissions.includes("flow.run")}
    />
  );
}
