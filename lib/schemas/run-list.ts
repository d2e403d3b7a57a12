import { z } from "zod";

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

/** Where a keyset page starts: strictly after this run in (createdAt desc, id desc) order. */
export interface RunCursor {
  createdAt: string;
  id: string;
}

/** An opaque cursor: base64url of the run's creation instant and id. */
export function encodeRunCursor(cursor: RunCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString("base64url");
}

const cursorPartsSchema = z.tuple([z.iso.datetime(), z.string().regex(/^[\w-]{1,64}$/)]);

/** The run a cursor points after, or null when it is not one this API made. */
export function decodeRunCursor(text: string): RunCursor | null {
  if (!/^[\w-]{1,400}$/.test(text)) return null;
  try {
    const parts = cursorPartsSchema.safeParse(
      JSON.parse(Buffer.from(text, "base64url").toString("utf8")),
    );
    return parts.success ? { createdAt: parts.data[0], id: parts.data[1] } : null;
  } catch {
    return null;
  }
}

/** An empty query parameter means "no filter". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

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

const dateMessage = "Use a date like 2026-01-31 or a date and time like 2026-01-31T09:30:00Z";

/** A day (UTC) or an instant; the transform gives the instant the bound starts or ends at. */
function bound(edge: "start" | "end") {
  return z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: dateMessage })
    .transform((text) => {
      if (text.length > 10) return new Date(text).toISOString();
      // A day includes all of itself: `to` ends just before the next day starts.
      const start = new Date(`${text}T00:00:00.000Z`);
      if (edge === "start") return start.toISOString();
      return new Date(start.getTime() + 86_400_000 - 1).toISOString();
    });
}

const idSchema = z.string().max(64);

/**
 * GET /api/runs: filters, search and a keyset cursor. `from` and `to` come out as inclusive UTC
 * instants (a day covers all of itself); lists come out as arrays; `q` is trimmed.
 */
export const runListQuerySchema = z
  .strictObject({
    flowId: optional(idSchema),
    flowVersionId: optional(idSchema),
    status: optional(listOf(RUN_STATUSES, "status")),
    trigger: optional(listOf(RUN_TRIGGERS, "trigger")),
    rating: optional(z.enum(RUN_RATINGS, { error: `Use ${RUN_RATINGS.join(", ")}` })),
    from: optional(bound("start")),
    to: optional(bound("end")),
    minCostUsd: optional(
      z
        .string()
        .regex(/^-?\d{1,12}(\.\d{1,8})?$/, "Use a decimal amount in USD like 0.05")
        .refine((text) => !text.startsWith("-"), "The minimum cost cannot be negative"),
    ),
    q: optional(
      z
        .string()
        .trim()
        .max(
          MAX_RUN_SEARCH_LENGTH,
          `The search is longer than ${MAX_RUN_SEARCH_LENGTH} characters`,
        ),
    ),
    cursor: optional(
      z.string().transform((text, ctx) => {
        const cursor = decodeRunCursor(text);
        if (cursor) return cursor;
        ctx.addIssue({ code: "custom", message: "Not a cursor from this list; start over" });
        return z.NEVER;
      }),
    ),
    limit: optional(
      z.coerce
        .number({ error: "Use a whole number" })
        .int("Use a whole number")
        .min(1, "At least 1")
        .max(MAX_RUN_PAGE_SIZE, `At most ${MAX_RUN_PAGE_SIZE}`),
    ).transform((limit) => limit ?? DEFAULT_RUN_PAGE_SIZE),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
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
}

/** A page of GET /api/runs; `nextCursor` is null on the last page. */
export interface RunListPage {
  items: RunListItem[];
  nextCursor: string | null;
}
