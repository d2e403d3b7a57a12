"use client";

import { ApprovalPolicySection } from "@/components/settings/approvals/approval-policy-form";
import { PageHeader } from "@/components/ui/page-header";

/** Settings > Approval policy: the workspace's approval policy for protected prompt labels. */
export function ApprovalsSettingsView({
  workspaceId,
  canManage,
}: {
  workspaceId: string;
  canManage: boolean;
}) {
  return (
    <>
      <PageHeader
        title="Approval policy"
        description="Which prompt labels need sign-off before they move, and how many approvers must agree."
      />
      <ApprovalPolicySection workspaceId={workspaceId} canManage={canManage} />
    </>
  );
}
