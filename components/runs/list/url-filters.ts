import { NO_RUN_FILTERS, type RunListFilters } from "@/lib/query/run-list";
import { RUN_STATUSES, RUN_TRIGGERS } from "@/lib/schemas/run-list";

/** Reads the read-only view of the address's query parameters. */
interface SearchParamsLike {
  get(name: string): string | null;
}

/** The values of a comma-separated list that `known` holds, in `known`'s order. */
function listParam(value: string | null, known: readonly string[]): string[] {
  const picked = new Set((value ?? "").split(",").map((item) => item.trim()));
  return known.filter((item) => picked.has(item));
}

/**
 * The runs page's filters from the address. Lists keep only known values (a control cannot show
 * another); other values pass as they are, so the API reports what is wrong with them.
 */
export function runFiltersFromSearch(search: SearchParamsLike): RunListFilters {
  const text = (name: keyof RunListFilters) => search.get(name)?.trim() ?? "";
  return {
    ...NO_RUN_FILTERS,
    flowId: text("flowId"),
    flowVersionId: text("flowId") ? text("flowVersionId") : "",
    status: listParam(search.get("status"), RUN_STATUSES),
    trigger: listParam(search.get("trigger"), RUN_TRIGGERS),
    rating: text("rating"),
    from: text("from"),
    to: text("to"),
    minCostUsd: text("minCostUsd"),
    q: text("q"),
  };
}
