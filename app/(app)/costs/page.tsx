import type { Metadata } from "next";
import { CostsView } from "@/components/costs/costs-view";
import { filtersFromSearch, utcDay } from "@/components/costs/range";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Costs" };

/**
 * The Costs page: spend, tokens, latency and reliability per day, flow, model and node.
 * `?range=7d|30d|90d|month` or `?from=&to=` (UTC days) and `?flowId=` restore the filters.
 */
export default async function CostsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requirePageContext("workspace.read");
  return (
    <CostsView
      workspaceId={ctx.workspace.id}
      initialFilters={filtersFromSearch(await searchParams, utcDay(new Date()))}
    />
  );
}
