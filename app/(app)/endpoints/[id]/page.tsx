import type { Metadata } from "next";
import { EndpointView } from "@/components/endpoints/detail/endpoint-view";
import { getConfig } from "@/lib/server/config";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Endpoint" };

/** One endpoint; snippets use the server's public URL (NEXTAUTH_URL) as their base URL. */
export default async function EndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const { id } = await params;
  return (
    <EndpointView
      workspaceId={ctx.workspace.id}
      endpointId={id}
      baseUrl={getConfig().publicUrl}
      canManage={ctx.permissions.includes("endpoint.manage")}
      canManageKeys={ctx.permissions.includes("apiKey.manage")}
    />
  );
}
