import type { Metadata } from "next";
import { ApiKeysView } from "@/components/settings/api-keys/api-keys-view";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API keys" };

/** API keys settings (`apiKey.manage`: engineers and admins). */
export default async function ApiKeysPage() {
  const ctx = await requirePageContext("apiKey.manage");
  return <ApiKeysView workspaceId={ctx.workspace.id} />;
}
