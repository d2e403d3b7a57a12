import type { Metadata } from "next";
import { ApprovalsSettingsView } from "@/components/settings/approvals/approvals-settings-view";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Approval policy" };

/** Approval policy settings: everyone reads them, `policy.manage` changes them. */
export default async function ApprovalsSettingsPage() {
  const ctx = await requirePageContext("workspace.read");
  return (
    <ApprovalsSettingsView
      workspaceId={ctx.workspace.id}
      canManage={ctx.permissions.includes("policy.manage")}
    />
  );
}
