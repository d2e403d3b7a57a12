import {
  costsByDay,
  costsByFlow,
  costsByModel,
  costsByNode,
  type CostsScope,
} from "@/lib/db/costs";
import type { z } from "zod";
import type { costsExportViewSchema } from "@/lib/schemas/costs";
import type { WorkspaceContext } from "../workspace-context";
import { csvRecord, type CsvValue } from "./csv";
import type { CostsQuery } from "./report";

/** The tables the export writes. */
export type CostsExportView = z.infer<typeof costsExportViewSchema>;

/** Days read per query when writing the by-day table (keyset pages, so memory stays bounded). */
const DAYS_PER_PAGE = 366;

const TOKENS = ["tokens_in", "tokens_out", "tokens_cached"];
const tokens = (r: { tokensIn: number; tokensOut: number; tokensCached: number }) => [
  r.tokensIn,
  r.tokensOut,
  r.tokensCached,
];

const HEADERS: Record<CostsExportView, string[]> = {
  day: ["day", "cost_usd", ...TOKENS],
  flow: ["flow_id", "flow", "cost_usd", "attempts", ...TOKENS],
  model: ["provider", "model", "cost_usd", "calls", ...TOKENS],
  node: [
    ...["flow_id", "flow", "node_id", "node", "node_type", "cost_usd", ...TOKENS],
    ...["executed", "failed", "error_rate", "reviews", "review_rate"],
    ...["latency_avg_ms", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms"],
  ],
};

const round = (value: number | null) => (value === null ? null : Number(value.toFixed(4)));

/** The rows of a view, page by page: the by-day table in keyset pages of days, the others whole. */
async function* rowsOf(
  view: CostsExportView,
  scope: CostsScope,
  daysPerPage: number,
): AsyncGenerator<CsvValue[][]> {
  if (view === "day") {
    let after: string | null = null;
    for (;;) {
      const page = await costsByDay(scope, { after, limit: daysPerPage });
      if (page.length > 0) yield page.map((r) => [r.day, r.costUsd, ...tokens(r)]);
      if (page.length < daysPerPage) return;
      after = page.at(-1)!.day;
    }
  }
  // One row per flow, model or node: as many as the workspace has, however long the range.
  if (view === "flow") {
    const rows = await costsByFlow(scope);
    yield rows.map((r) => [r.flowId, r.flowName, r.costUsd, r.attempts, ...tokens(r)]);
  } else if (view === "model") {
    const rows = await costsByModel(scope);
    yield rows.map((r) => [r.provider, r.model, r.costUsd, r.calls, ...tokens(r)]);
  } else {
    const rows = await costsByNode(scope);
    yield rows.map((r) => [
      ...[r.flowId, r.flowName, r.nodeId, r.nodeLabel, r.nodeType, r.costUsd, ...tokens(r)],
      ...[r.executed, r.failed, round(r.errorRate), r.reviews, round(r.reviewRate)],
      ...[r.latencyMs.avg, r.latencyMs.p50, r.latencyMs.p95, r.latencyMs.p99].map(round),
    ]);
  }
}

/**
 * The CSV of one costs table as a stream: the header, then rows as the database returns them,
 * one page per pull, so a ten-year range never sits in memory at once.
 */
export function costsCsv(
  ctx: WorkspaceContext,
  view: CostsExportView,
  query: CostsQuery,
  daysPerPage = DAYS_PER_PAGE,
): { fileName: string; stream: ReadableStream<Uint8Array> } {
  const encoder = new TextEncoder();
  const pages = rowsOf(view, { workspaceId: ctx.workspace.id, ...query }, daysPerPage);
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvRecord(HEADERS[view])));
        return;
      }
      const next = await pages.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map(csvRecord).join("")));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
  return { fileName: `trellis-costs-${view}-${query.from}-to-${query.to}.csv`, stream };
}
