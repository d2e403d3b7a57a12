import type { Metadata } from "next";
import { AuditView } from "@/components/audit/audit-view";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

/** The Audit log page (roles with audit.read): every change in the workspace, filtered from the address. */
export default async function AuditPage() {
  const ctx = await requirePageContext("audit.read");
  return <AuditView workspaceId={ctx.workspace.id} />;
}
