import { z } from "zod";

/** A calendar day, `YYYY-MM-DD` (UTC). */
export const isoDaySchema = z.iso.date({ error: "Use a date like 2026-01-31" });

/** The longest range the costs page and its CSV export accept, in days. */
export const MAX_COSTS_RANGE_DAYS = 3_660;

/** Range checks only make sense once both dates parsed (an invalid date reports only itself). */
function datesAreValid(payload: { issues: readonly { path?: PropertyKey[] }[] }): boolean {
  return !payload.issues.some((issue) => ["from", "to"].includes(String(issue.path?.[0])));
}

/** GET /api/costs and GET /api/costs/export: a date range (inclusive, UTC days), optionally one flow. */
export const costsQuerySchema = z
  .strictObject({
    from: isoDaySchema,
    to: isoDaySchema,
    flowId: z.string().min(1).max(64).optional(),
  })
  .refine((q) => q.from <= q.to, {
    path: ["to"],
    message: "The end date is before the start date",
    when: datesAreValid,
  })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_COSTS_RANGE_DAYS, {
    path: ["to"],
    message: `The range is longer than ${MAX_COSTS_RANGE_DAYS} days`,
    when: datesAreValid,
  });

/** Token counts split by kind. */
export interface TokenTotals {
  tokensIn: number;
  tokensOut: number;
  tokensCached: number;
}

/** Money is a decimal string in USD (exact, summed in SQL). */
export type Usd = string;

/** Spend and tokens of one UTC day. */
export interface CostsByDay extends TokenTotals {
  day: string;
  costUsd: Usd;
}

/** Spend of one flow. */
export interface CostsByFlow extends TokenTotals {
  flowId: string;
  flowName: string;
  costUsd: Usd;
  attempts: number;
}

/** Spend of one provider and model. */
export interface CostsByModel extends TokenTotals {
  provider: string;
  model: string;
  costUsd: Usd;
  /** Executed attempts (calls). */
  calls: number;
}

/** Spend, latency and reliability of one node of one flow. */
export interface CostsByNode extends TokenTotals {
  flowId: string;
  flowName: string;
  nodeId: string;
  nodeType: string;
  /** The node's label in the flow's draft, or its id when the draft no longer has it. */
  nodeLabel: string;
  costUsd: Usd;
  executed: number;
  failed: number;
  /** failed / executed, 0..1 (null when nothing executed). */
  errorRate: number | null;
  reviews: number;
  /** Human-review pauses / settled attempts, 0..1 (null for nodes that never review). */
  reviewRate: number | null;
  latencyMs: { avg: number | null; p50: number | null; p95: number | null; p99: number | null };
}

/** Everything the costs page shows for a range. */
export interface CostsReport {
  from: string;
  to: string;
  flowId: string | null;
  totals: TokenTotals & {
    costUsd: Usd;
    costSavedUsd: Usd;
    attempts: number;
    executed: number;
    failed: number;
    /** Runs created in the range. */
    runs: number;
    /** Runs that succeeded and were not rated bad. */
    goodRuns: number;
    /** costUsd / goodRuns (null when there is no good run). */
    costPerGoodOutputUsd: Usd | null;
  };
  byDay: CostsByDay[];
  byFlow: CostsByFlow[];
  byModel: CostsByModel[];
  byNode: CostsByNode[];
}

/** The tables the CSV export can write (what the page shows). */
export const costsExportViewSchema = z.enum(["day", "flow", "model", "node"]);

/** GET /api/costs/export: the range and flow of GET /api/costs, and which table to write. */
export const costsExportQuerySchema = z
  .strictObject({
    view: costsExportViewSchema,
    from: isoDaySchema,
    to: isoDaySchema,
    flowId: z.string().min(1).max(64).optional(),
  })
  .superRefine((q, ctx) => {
    const range = costsQuerySchema.safeParse({ from: q.from, to: q.to, flowId: q.flowId });
    if (!range.success) for (const issue of range.error.issues) ctx.addIssue({ ...issue });
  });
