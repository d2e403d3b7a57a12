import { randomUUID } from "node:crypto";
import { getDb } from "./client";
import { retryOnConflict } from "./conflict-retry";
import { hardBudgetUsedUp } from "./budgets";
import { jsonText } from "./json";
import { rollUpNodeRuns } from "./rollups";
import { recordCtes, type RunRecordBatch } from "./run-records";
import { Prisma } from "./generated/client.ts";
import { rawRows } from "./raw-sql";
import type { RunLease } from "./run-leases";

/** Run trigger and status values (mirrors the schema enums). */
export type RunTrigger = "editor" | "api" | "endpoint" | "evaluation" | "replay" | "resume";
/** Run status values. */
export type RunStatus = "queued" | "running" | "waiting" | "succeeded" | "failed" | "cancelled";

/** A run as the run service loads it, with the graph it runs. */
export interface RunRecord {
  id: string;
  workspaceId: string;
  flowId: string;
  flowVersionId: string | null;
  status: RunStatus;
  trigger: RunTrigger;
  input: unknown;
  output: unknown;
  error: unknown;
  graph: unknown;
  /** Run from here: the run whose results are reused, and the node re-executed first. */
  parentRunId: string | null;
  fromNodeId: string | null;
  rating: string | null;
  contentPurgedAt: Date | null;
  /** Endpoint runs: the endpoint (null once deleted) and the API key that started it. */
  endpointId: string | null;
  /** The endpoint's slug (null when it was not an endpoint run, or the endpoint was deleted). */
  endpointSlug: string | null;
  apiKeyId: string | null;
  tokensIn: number;
  tokensOut: number;
  tokensCached: number;
  costUsd: string;
  latencyMs: number | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** Who executes a run, until when: the completion write checks the token (fencing). */
/** What a new run records: what it runs (a version, or a snapshot of the draft) and why. */
export interface NewRun {
  workspaceId: string;
  flowId: string;
  flowVersionId?: string;
  graphSnapshot?: unknown;
  trigger: RunTrigger;
  input: unknown;
  createdById?: string;
  parentRunId?: string;
  fromNodeId?: string;
  endpointId?: string;
  apiKeyId?: string;
  /** Created already running under this lease, when its launcher executes it at once. */
  lease?: RunLease;
}

/** INSERT ... SELECT of a new run, when `condition` holds; returns the workspace's PII setting. */
async function insertRun(
  data: NewRun,
  condition: Prisma.Sql,
): Promise<{ id: string; maskPii: boolean } | null> {
  const id = randomUUID();
  const now = new Date();
  const { lease } = data;
  const rows = await rawRows<{ maskPii: boolean | null }>(Prisma.sql`
    INSERT INTO "Run" (id, "workspaceId", "flowId", "flowVersionId", "graphSnapshot", trigger, status,
      input, "createdById", "parentRunId", "fromNodeId", "endpointId", "apiKeyId", "createdAt",
      "startedAt", "leaseOwner", "leaseToken", "leaseExpiresAt")
    SELECT ${id}, ${data.workspaceId}, ${data.flowId}, ${data.flowVersionId ?? null},
      ${jsonText(data.graphSnapshot)}::jsonb, ${data.trigger}::"RunTrigger",
      ${lease ? "running" : "queued"}::"RunStatus", ${JSON.stringify(data.input ?? {})}::jsonb,
      ${data.createdById ?? null}, ${data.parentRunId ?? null}, ${data.fromNodeId ?? null},
      ${data.endpointId ?? null}, ${data.apiKeyId ?? null}, ${now}::timestamp,
      ${lease ? now : null}::timestamp, ${lease?.owner ?? null}, ${lease?.token ?? null},
      ${lease ? new Date(now.getTime() + lease.ms) : null}::timestamp
    WHERE ${condition}
    RETURNING (SELECT "maskPii" FROM "Workspace" WHERE id = ${data.workspaceId}) AS "maskPii"`);
  return rows[0] ? { id, maskPii: rows[0].maskPii ?? false } : null;
}

/**
 * Creates a run, queued or already running under its lease. One statement (the run API's hot
 * path, lib/db/README.md) that also returns the workspace's PII masking setting, which the run
 * applies to everything it stores.
 */
export async function createRun(data: NewRun): Promise<{ id: string; maskPii: boolean }> {
  return (await insertRun(data, Prisma.sql`TRUE`))!;
}

/**
 * {@link createRun}, in the same statement refused (null) when a hard budget of the workspace or
 * the flow is used up in the month starting `month` (YYYY-MM-DD).
 */
export function createRunWithinBudget(
  data: NewRun,
  month: string,
): Promise<{ id: string; maskPii: boolean } | null> {
  return insertRun(data, Prisma.sql`NOT ${hardBudgetUsedUp(data.workspaceId, data.flowId, month)}`);
}

/** A run as it settled, without the graph it ran (what the run API answers). */
export type SettledRunRecord = Omit<RunRecord, "graph">;

/** The columns of a {@link RunRecord} but its graph and endpoint slug, of `"Run" r`. */
const RUN_COLUMNS = Prisma.sql`r.id, r."workspaceId", r."flowId", r."flowVersionId",
  r.status::text AS status, r.trigger::text AS trigger, r.input, r.output, r.error,
  r."parentRunId", r."fromNodeId", r.rating, r."contentPurgedAt", r."endpointId", r."apiKeyId",
  r."tokensIn", r."tokensOut", r."tokensCached", trim_scale(r."costUsd")::text AS "costUsd",
  r."latencyMs", r."createdAt", r."startedAt", r."finishedAt"`;

/**
 * Loads a run (scoped to a workspace when one is given) with its version graph or snapshot and its
 * endpoint's slug, in one statement (raw SQL: the run API's hot path, see lib/db/README.md).
 */
export async function loadRun(runId: string, workspaceId?: string): Promise<RunRecord | null> {
  const rows = await rawRows<RunRecord>(Prisma.sql`
    SELECT ${RUN_COLUMNS}, COALESCE(v.graph, r."graphSnapshot") AS graph, e.slug AS "endpointSlug"
    FROM "Run" r
    LEFT JOIN "FlowVersion" v ON v.id = r."flowVersionId"
    LEFT JOIN "Endpoint" e ON e.id = r."endpointId"
    WHERE r.id = ${runId} AND (${workspaceId ?? null}::text IS NULL OR r."workspaceId" = ${workspaceId ?? null}::text)`);
  return rows[0] ?? null;
}

/** A run's status, or null when there is no such run (one small statement, for polling). */
export async function findRunStatus(runId: string): Promise<RunStatus | null> {
  const rows = await rawRows<{ status: RunStatus }>(Prisma.sql`
    SELECT status::text AS status FROM "Run" WHERE id = ${runId}`);
  return rows[0]?.status ?? null;
}

/** The API key's name and the endpoint's slug of an endpoint run (null where there is none). */
export async function runSourceNames(
  workspaceId: string,
  run: Pick<RunRecord, "apiKeyId" | "endpointSlug">,
): Promise<{ apiKeyName: string | null; endpointSlug: string | null }> {
  const key = run.apiKeyId
    ? await getDb().apiKey.findFirst({
        where: { id: run.apiKeyId, workspaceId },
        select: { name: true },
      })
    : null;
  return { apiKeyName: key?.name ?? null, endpointSlug: run.endpointSlug };
}

/** Sets a run's status (waiting, cancelled ...) without touching its totals; counts its settled node runs. */
export async function setRunStatus(runId: string, status: RunStatus): Promise<void> {
  await retryOnConflict(() =>
    getDb().$transaction(async (tx) => {
      await tx.run.update({ where: { id: runId }, data: { status } });
      await rollUpNodeRuns(runId, tx);
    }),
  );
}

/**
 * Settles a run in one statement: the run's last pending records (`pending`: node attempts and
 * events, review tasks excluded), then status, output, error, and totals summed in SQL from its
 * node runs as they are after that write. A run that pauses (`waiting`) keeps no finish time. Only
 * the lease holder may settle it (fencing on the token); returns the run as settled, or null when
 * it lost the lease (its records are written all the same, as facts of what ran). The cost rollup
 * is a separate step (`rollUpNodeRuns`), so runs settling at once do not queue behind each other's
 * rollup rows.
 */
export async function finishRun(
  runId: string,
  token: string,
  result: { status: RunStatus; output?: unknown; error?: unknown },
  pending?: RunRecordBatch,
): Promise<SettledRunRecord | null> {
  if (pending?.humanTasks.length) throw new Error("review tasks are written with writeRunRecords");
  const records = recordCtes(pending ? [pending] : []);
  const attempts =
    records.attempts ??
    Prisma.sql`attempts AS (SELECT NULL::text AS "idempotencyKey", 0 AS "tokensIn", 0 AS "tokensOut",
      0 AS "tokensCached", 0::numeric AS "costUsd" WHERE false)`;
  const ctes = records.events ? [attempts, records.events] : [attempts];
  const rows = await rawRows<SettledRunRecord>(Prisma.sql`
    WITH ${Prisma.join(ctes, ", ")}
    UPDATE "Run" r SET
      status = ${result.status}::"RunStatus",
      output = ${result.output === undefined ? null : JSON.stringify(result.output)}::jsonb,
      error = ${result.error === undefined ? null : JSON.stringify(result.error)}::jsonb,
      "finishedAt" = CASE WHEN ${result.status} = 'waiting' THEN NULL ELSE now() END,
      "latencyMs" = CASE WHEN ${result.status} = 'waiting' THEN NULL
        ELSE (EXTRACT(EPOCH FROM (now() - COALESCE(r."startedAt", r."createdAt"))) * 1000)::int END,
      "tokensIn" = t.tokens_in, "tokensOut" = t.tokens_out, "tokensCached" = t.tokens_cached, "costUsd" = t.cost,
      "leaseOwner" = NULL, "leaseToken" = NULL, "leaseExpiresAt" = NULL
    FROM (
      SELECT COALESCE(SUM(n."tokensIn"), 0)::int AS tokens_in, COALESCE(SUM(n."tokensOut"), 0)::int AS tokens_out,
             COALESCE(SUM(n."tokensCached"), 0)::int AS tokens_cached, COALESCE(SUM(n."costUsd"), 0) AS cost
      FROM (
        SELECT s."tokensIn", s."tokensOut", s."tokensCached", s."costUsd" FROM "NodeRun" s
        WHERE s."runId" = ${runId}
          AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a."idempotencyKey" = s."idempotencyKey")
        UNION ALL
        SELECT a."tokensIn", a."tokensOut", a."tokensCached", a."costUsd" FROM attempts a
      ) n
    ) t
    WHERE r.id = ${runId} AND r."leaseToken" = ${token}
    RETURNING ${RUN_COLUMNS},
      (SELECT e.slug FROM "Endpoint" e WHERE e.id = r."endpointId") AS "endpointSlug"`);
  return rows[0] ?? null;
}

/** Runs this process should pick up again at startup (interrupted or never started). */
export async function listRunsToResume(): Promise<{ id: string }[]> {
  return getDb().run.findMany({
    where: { status: { in: ["queued", "running"] } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
}
