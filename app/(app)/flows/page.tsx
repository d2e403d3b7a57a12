import type { Metadata } from "next";
import { FlowsView } from "@/components/flows/flows-view";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Flows" };

/** The Flows page: every member sees the list; `flow.run` may run a flow from here. */
export default async function FlowsPage() {
  const ctx = await requirePageContext();
  return <FlowsView workspaceId={ctx.workspace.id} canRun={ctx.permissions.includes("flow.run")} />;
}
