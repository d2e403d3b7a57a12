import type { Metadata } from "next";
import { SystemView } from "@/components/settings/system/system-view";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "System" };

/** Settings > System (admins): execution mode, queue workers, queue depth, dispatch latency. */
export default async function SystemPage() {
  const ctx = await requirePageContext("policy.manage");
  return <SystemView workspaceId={ctx.workspace.id} />;
}
