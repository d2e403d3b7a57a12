import type { Metadata } from "next";
import { ChangeRequestView } from "@/components/approvals/request/change-request-view";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Change request" };

/** One change request: what it changes, the diff, the decisions, and approve or reject. */
export default async function ChangeRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const { id } = await params;
  return (
    <ChangeRequestView workspaceId={ctx.workspace.id} currentUserId={ctx.user.id} requestId={id} />
  );
}
