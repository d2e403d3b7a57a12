import type { Metadata } from "next";
import { ApprovalsView } from "@/components/approvals/approvals-view";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Approvals" };

/** The Approvals inbox: everyone in the workspace sees it; `humanTask.decide` may decide. */
export default async function ApprovalsPage() {
  const ctx = await requirePageContext();
  return (
    <ApprovalsView
      workspaceId={ctx.workspace.id}
      canDecide={ctx.permissions.includes("humanTask.decide")}
    />
  );
}
