import { z } from "zod";
import { cursorParam, dateBound, optionalParam, pageSizeParam, rangeInOrder } from "./list-query";

/** Run statuses a list can filter on (the RunStatus enum). */
export const RUN_STATUSES = [
  "queued",
  "running",
  "waiting",
  "succeeded",
  "failed",
  "cancelled",
] as const;
/** Run triggers a list can filter on (the RunTrigger enum). */
export const RUN_TRIGGERS = [
  "editor",
  "api",
  "endpoint",
  "evaluation",
  "replay",
  "resume",
] as const;
/** Rating filter values: a run's latest rating, or none yet. */
export const RUN_RATINGS = ["good", "bad", "unrated"] as const;

/** The longest search a run list accepts, in characters. */
export const MAX_RUN_SEARCH_LENGTH = 500;
/** Rows per page unless `limit` says otherwise, and the most a page may hold. */
export const DEFAULT_RUN_PAGE_SIZE = 50;
export const MAX_RUN_PAGE_SIZE = 100;

/** A run status. */
export type RunListStatus = (typeof RUN_STATUSES)[number];
/** A run trigger. */
export type RunListTrigger = (typeof RUN_TRIGGERS)[number];
/** A rating filter value. */
export type RunListRating = (typeof RUN_RATINGS)[number];

/** A comma-separated list of enum values, deduplicated ("failed,running"). */
function listOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  const allowed = new Set<string>(values);
  return z
    .string()
    .max(200)
    .transform((text, ctx) => {
      const items = [...new Set(text.split(",").map((item) => item.trim()))].filter(Boolean);
      const unknown = items.filter((item) => !allowed.has(item));
      if (unknown.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: `Unknown ${what} "${unknown[0]}"; use ${values.join(", ")}`,
        });
        return z.NEVER;
      }
      return items as T[number][];
    });
}

const idSchema = z.string().max(64);

/**
 * GET /api/runs: filters, search and a keyset cursor. `from` and `to` come out as inclusive UTC
 * instants (a day covers all of itself); lists come out as arrays; `q` is trimmed.
 */
export const runListQuerySchema = z
  .strictObject({
    flowId: optionalParam(idSchema),
    flowVersionId: optionalParam(idSchema),
    status: optionalParam(listOf(RUN_STATUSES, "status")),
    trigger: optionalParam(listOf(RUN_TRIGGERS, "trigger")),
    rating: optionalParam(z.enum(RUN_RATINGS, { error: `Use ${RUN_RATINGS.join(", ")}` })),
    from: optionalParam(dateBound("start")),
    to: optionalParam(dateBound("end")),
    minCostUsd: optionalParam(
      z
        .string()
        .regex(/^-?\d{1,12}(\.\d{1,8})?$/, "Use a decimal amount in USD like 0.05")
        .refine((text) => !text.startsWith("-"), "The minimum cost cannot be negative"),
    ),
    q: optionalParam(
      z
        .string()
        .trim()
        .max(
          MAX_RUN_SEARCH_LENGTH,
          `The search is longer than ${MAX_RUN_SEARCH_LENGTH} characters`,
        ),
    ),
    cursor: cursorParam,
    limit: pageSizeParam(MAX_RUN_PAGE_SIZE, DEFAULT_RUN_PAGE_SIZE),
  })
  .refine(rangeInOrder, {
    path: ["to"],
    message: "The end is before the start",
  });

/** A parsed GET /api/runs query. */
export type RunListQuery = z.output<typeof runListQuerySchema>;

/** One row of the runs table. */
export interface RunListItem {
  id: string;
  flowId: string;
  flowName: string;
  flowVersionId: string | null;
  /** The version number that ran, or null when the run used the draft. */
  flowVersion: number | null;
  status: RunListStatus;
  trigger: RunListTrigger;
  rating: string | null;
  /** USD as a decimal string. */
  costUsd: string;
  tokensIn: number;
  tokensOut: number;
  tokensCached: number;
  latencyMs: number | null;
  createdAt: string;
  finishedAt: string | null;
  /** The start of the input as compact JSON, or null once retention purged the run's content. */
  inputPreview: string | null;
  /** The API key that started the run, if one did. */
  apiKeyName: string | null;
  /** The endpoint the run came through (null when none, or once the endpoint is deleted). */
  endpointSlug: string | null;
}

/** A page of GET /api/runs; `nextCursor` is null on the last page. */
export interface RunListPage {
  items: RunListItem[];
  nextCursor: string | null;
}
