import { Prisma } from "./generated/client";
import { getDb } from "./client";

/** What a run list page selects; every field is optional except the workspace and page size. */
export interface RunListFilter {
  workspaceId: string;
  flowId?: string;
  flowVersionId?: string;
  status?: string[];
  trigger?: string[];
  rating?: "good" | "bad" | "unrated";
  /** Inclusive UTC instants (ISO). */
  from?: string;
  to?: string;
  /** Decimal USD string. */
  minCostUsd?: string;
  q?: string;
  /** Rows strictly after this run in (createdAt desc, id desc) order. */
  after?: { createdAt: string; id: string };
  limit: number;
}

/** One run as the list reads it; `inputHead` is the start of the input's JSON text (null once purged). */
export interface RunListRow {
  id: string;
  flowId: string;
  flowName: string;
  flowVersionId: string | null;
  flowVersion: number | null;
  status: string;
  trigger: string;
  rating: string | null;
  costUsd: string;
  tokensIn: number;
  tokensOut: number;
  tokensCached: number;
  latencyMs: number | null;
  createdAt: Date;
  finishedAt: Date | null;
  inputHead: string | null;
  apiKeyName: string | null;
  endpointSlug: string | null;
}

/** How much of the input's JSON text a row carries; enough for a compact preview of ~120 chars. */
const INPUT_HEAD_CHARS = 400;

/** Escapes LIKE wildcards and the escape character itself, so they match literally. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

const utc = (iso: string) => Prisma.sql`(${iso}::timestamptz AT TIME ZONE 'UTC')`;

/** `text` as it appears inside a JSON string (quotes and backslashes escaped), as jsonb prints it. */
const asJsonStringText = (text: string) => JSON.stringify(text).slice(1, -1);

/**
 * The search condition: a run id equal to or starting with `q`, or (unless purged) the input's
 * JSON text containing it, case-insensitively. The input match is a scan of `"input"::text`,
 * bounded by the workspace, the other filters and the page size (no trigram index).
 */
function searchCondition(q: string): Prisma.Sql {
  const idPrefix = `${escapeLike(q)}%`;
  const inInput = `%${escapeLike(asJsonStringText(q))}%`;
  return Prisma.sql`(r.id LIKE ${idPrefix} ESCAPE '\\'
    OR (r."contentPurgedAt" IS NULL AND r.input::text ILIKE ${inInput} ESCAPE '\\'))`;
}

function conditions(f: RunListFilter): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`r."workspaceId" = ${f.workspaceId}`];
  if (f.flowId) parts.push(Prisma.sql`r."flowId" = ${f.flowId}`);
  if (f.flowVersionId) parts.push(Prisma.sql`r."flowVersionId" = ${f.flowVersionId}`);
  if (f.status?.length) parts.push(Prisma.sql`r.status::text IN (${Prisma.join(f.status)})`);
  if (f.trigger?.length) parts.push(Prisma.sql`r.trigger::text IN (${Prisma.join(f.trigger)})`);
  if (f.rating === "unrated") parts.push(Prisma.sql`r.rating IS NULL`);
  else if (f.rating) parts.push(Prisma.sql`r.rating = ${f.rating}`);
  if (f.from) parts.push(Prisma.sql`r."createdAt" >= ${utc(f.from)}`);
  if (f.to) parts.push(Prisma.sql`r."createdAt" <= ${utc(f.to)}`);
  if (f.minCostUsd) parts.push(Prisma.sql`r."costUsd" >= ${f.minCostUsd}::numeric`);
  if (f.q) parts.push(searchCondition(f.q));
  if (f.after) {
    parts.push(Prisma.sql`(r."createdAt", r.id) < (${utc(f.after.createdAt)}, ${f.after.id})`);
  }
  return Prisma.join(parts, " AND ");
}

/**
 * A keyset page of a workspace's runs, newest first (createdAt desc, id desc), with flow name,
 * version number, API key name and endpoint slug; reads up to `limit` rows (ask for one more to detect a next page).
 */
export async function listRunPage(f: RunListFilter): Promise<RunListRow[]> {
  return getDb().$queryRaw<RunListRow[]>`
    SELECT r.id, r."flowId", f.name AS "flowName", r."flowVersionId", v.version AS "flowVersion",
      r.status::text AS status, r.trigger::text AS trigger, r.rating,
      r."costUsd"::text AS "costUsd", r."tokensIn", r."tokensOut", r."tokensCached",
      r."latencyMs", r."createdAt", r."finishedAt",
      CASE WHEN r."contentPurgedAt" IS NULL THEN left(r.input::text, ${INPUT_HEAD_CHARS}) END
        AS "inputHead",
      k.name AS "apiKeyName", e.slug AS "endpointSlug"
    FROM "Run" r
    JOIN "Flow" f ON f.id = r."flowId"
    LEFT JOIN "FlowVersion" v ON v.id = r."flowVersionId"
    LEFT JOIN "ApiKey" k ON k.id = r."apiKeyId" AND k."workspaceId" = r."workspaceId"
    LEFT JOIN "Endpoint" e ON e.id = r."endpointId"
    WHERE ${conditions(f)}
    ORDER BY r."createdAt" DESC, r.id DESC
    LIMIT ${f.limit}`;
}
