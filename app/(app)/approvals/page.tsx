import type { Metadata } from "next";
import { ApprovalsView } from "@/components/approvals/approvals-view";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Approvals" };

/** The Approvals inbox: everyone sees it; `change.approve` decides requests, `humanTask.decide` tasks. */
export default async function ApprovalsPage() {
  const ctx = await requirePageContext();
  return (
    <ApprovalsView
      workspaceId={ctx.workspace.id}
      currentUserId={ctx.user.id}
      canApprove={ctx.permissions.includes("change.approve")}
      canDecideTasks={ctx.permissions.includes("humanTask.decide")}
    />
  );
}
