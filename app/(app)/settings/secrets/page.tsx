import type { Metadata } from "next";
import { SecretsView } from "@/components/settings/secrets/secrets-view";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Secrets" };

/** Secrets settings (`secret.manage`). */
export default async function SecretsPage() {
  const ctx = await requirePageContext("secret.manage");
  return <SecretsView workspaceId={ctx.workspace.id} />;
}
