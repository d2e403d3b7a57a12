import type { Metadata } from "next";
import { RunView } from "@/components/runs/run-view";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Run" };

/** One run: its summary and every node attempt. */
export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const { id } = await params;
  return <RunView workspaceId={ctx.workspace.id} runId={id} />;
}
