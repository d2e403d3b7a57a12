"use client";

import { BudgetsSection } from "@/components/settings/usage/budgets-section";
import { DataSettingsSection } from "@/components/settings/usage/data-settings-form";
import { PageHeader } from "@/components/ui/page-header";

/** Settings > Usage & data: monthly budgets, then retention and PII masking. */
export function UsageView({ workspaceId, canManage }: { workspaceId: string; canManage: boolean }) {
  return (
    <>
      <PageHeader
        title="Usage & data"
        description="Spending limits for model calls, and what runs keep of the data they process."
      />
      <div className="flex flex-col gap-12">
        <BudgetsSection workspaceId={workspaceId} canManage={canManage} />
        <DataSettingsSection workspaceId={workspaceId} canManage={canManage} />
      </div>
    </>
  );
}
