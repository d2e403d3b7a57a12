import type { Metadata } from "next";
import { ConnectionsView } from "@/components/settings/connections/connections-view";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Model connections" };

/** Model connections settings (`connection.manage`). */
export default async function ConnectionsPage() {
  const ctx = await requirePageContext("connection.manage");
  return <ConnectionsView workspaceId={ctx.workspace.id} />;
}
