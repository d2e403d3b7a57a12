import type { Metadata } from "next";
import { RunsView } from "@/components/runs/list/runs-view";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Runs" };

/** The Runs page: the workspace's runs, filtered and searched from the address (`?status=failed&q=...`). */
export default async function RunsPage() {
  const ctx = await requirePageContext();
  return <RunsView workspaceId={ctx.workspace.id} />;
}
