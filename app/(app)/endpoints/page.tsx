import type { Metadata } from "next";
import { EndpointsView } from "@/components/endpoints/endpoints-view";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Endpoints" };

/** The Endpoints page: everyone sees them; `endpoint.manage` publishes, repoints, pauses and deletes. */
export default async function EndpointsPage() {
  const ctx = await requirePageContext();
  return (
    <EndpointsView
      workspaceId={ctx.workspace.id}
      canManage={ctx.permissions.includes("endpoint.manage")}
      canManageKeys={ctx.permissions.includes("apiKey.manage")}
    />
  );
}
