import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { FlowEditor } from "@/components/flow-editor/flow-editor";
import { flowForEditor } from "@/lib/server/flows";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Flow editor" };

/**
 * The visual editor of one flow's draft. The draft comes with the page (no second round trip
 * before the canvas can draw), marked with a one-use token: a back or forward navigation that
 * replays this render fetches the draft instead, since it may have changed meanwhile.
 */
export default async function FlowEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const { id } = await params;
  const flow = await flowForEditor(ctx.workspace.id, id);
  return (
    <FlowEditor
      workspaceId={ctx.workspace.id}
      flowId={id}
      initial={flow ? { data: flow, token: randomUUID() } : undefined}
      canEdit={ctx.permissions.includes("flow.edit")}
      canRun={ctx.permissions.includes("flow.run")}
    />
  );
}
