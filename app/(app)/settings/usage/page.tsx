import type { Metadata } from "next";
import { UsageView } from "@/components/settings/usage/usage-view";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Usage & data" };

/** Usage & data settings: everyone reads them, `policy.manage` changes them. */
export default async function UsagePage() {
  const ctx = await requirePageContext("workspace.read");
  return (
    <UsageView
      workspaceId={ctx.workspace.id}
      canManage={ctx.permissions.includes("policy.manage")}
    />
  );
}
