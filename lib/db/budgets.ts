import { randomUUID } from "node:crypto";
import { getDb } from "./client";
import { Prisma } from "./generated/client.ts";
import { rawRows } from "./raw-sql";

/** A budget with the month's spend so far (decimal strings). */
export interface BudgetSpendRecord {
  id: string;
  flowId: string | null;
  flowName: string | null;
  limitUsd: string;
  hardLimit: boolean;
  spendUsd: string;
}

/** The first day (UTC) of the calendar month holding `now`, as YYYY-MM-DD. */
export function monthStartOf(now: Date): string {
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}-01`;
}

/** The budgets-with-spend select of {@link budgetsWithSpend}, as a fragment to build on. */
function budgetSpendQuery(
  workspaceId: string,
  month: string,
  filter: { flowId?: string; hardOnly?: boolean },
): Prisma.Sql {
  const flowId = filter.flowId ?? null;
  const hardOnly = filter.hardOnly ?? false;
  return Prisma.sql`
    WITH wanted AS (
      SELECT b.* FROM "Budget" b
      WHERE b."workspaceId" = ${workspaceId}
        AND (${hardOnly}::boolean = false OR b."hardLimit")
        AND (${flowId}::text IS NULL OR b."flowId" IS NULL OR b."flowId" = ${flowId}::text)
    ), spend AS (
      SELECT u."flowId", u."costUsd" AS cost FROM "NodeRunRollup" u
      WHERE u."workspaceId" = ${workspaceId} AND u.day >= ${month}::date
        AND EXISTS (SELECT 1 FROM wanted)
      UNION ALL
      SELECT r."flowId", n."costUsd" FROM "NodeRun" n JOIN "Run" r ON r.id = n."runId"
      WHERE n."workspaceId" = ${workspaceId} AND NOT n."rolledUp"
        AND n."startedAt" >= ${month}::date AND EXISTS (SELECT 1 FROM wanted)
    )
    SELECT w.id, w."flowId", f.name AS "flowName", w."limitUsd"::text AS "limitUsd", w."hardLimit",
      (SELECT COALESCE(SUM(s.cost), 0) FROM spend s
        WHERE w."flowId" IS NULL OR s."flowId" = w."flowId")::text AS "spendUsd"
    FROM wanted w LEFT JOIN "Flow" f ON f.id = w."flowId"
    ORDER BY w."flowId" IS NOT NULL, f.name, w.id`;
}

/**
 * Budgets of a workspace (only hard ones, or only the workspace's and one flow's, when asked) with
 * their month-to-date spend: rolled-up cost from `month` on, plus node runs not rolled up yet (in
 * flight, or settled a moment ago), failed attempts included. All summed in SQL.
 */
export function budgetsWithSpend(
  workspaceId: string,
  month: string,
  filter: { flowId?: string; hardOnly?: boolean } = {},
): Promise<BudgetSpendRecord[]> {
  return rawRows<BudgetSpendRecord>(budgetSpendQuery(workspaceId, month, filter));
}

/**
 * A SQL condition: a hard budget of the workspace or of the flow is used up this month (a limit
 * above zero and spend at or over it, as `budgetState` says "exceeded").
 */
export function hardBudgetUsedUp(workspaceId: string, flowId: string, month: string): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM (${budgetSpendQuery(workspaceId, month, { flowId, hardOnly: true })}) b
    WHERE b."limitUsd"::numeric > 0 AND b."spendUsd"::numeric >= b."limitUsd"::numeric)`;
}

/** A budget of the workspace (flowId null: the workspace-wide one), or null. */
export async function findBudget(
  workspaceId: string,
  flowId: string | null,
): Promise<{ id: string; limitUsd: string; hardLimit: boolean } | null> {
  const rows = await getDb().$queryRaw<{ id: string; limitUsd: string; hardLimit: boolean }[]>`
    SELECT id, "limitUsd"::text AS "limitUsd", "hardLimit" FROM "Budget"
    WHERE "workspaceId" = ${workspaceId} AND "flowId" IS NOT DISTINCT FROM ${flowId}::text`;
  return rows[0] ?? null;
}

/** Creates or replaces the budget of the workspace or one of its flows; returns its id. */
export async function upsertBudget(
  workspaceId: string,
  flowId: string | null,
  limitUsd: string,
  hardLimit: boolean,
): Promise<string> {
  const rows = await getDb().$queryRaw<{ id: string }[]>`
    INSERT INTO "Budget" (id, "workspaceId", "flowId", "limitUsd", "hardLimit", "updatedAt")
    VALUES (${randomUUID()}, ${workspaceId}, ${flowId}::text, ${limitUsd}::numeric, ${hardLimit}, now())
    ON CONFLICT ("workspaceId", "flowId") DO UPDATE
      SET "limitUsd" = EXCLUDED."limitUsd", "hardLimit" = EXCLUDED."hardLimit", "updatedAt" = now()
    RETURNING id`;
  return rows[0]!.id;
}

/** Deletes the budget of the workspace or one of its flows; false when there was none. */
export async function deleteBudget(workspaceId: string, flowId: string | null): Promise<boolean> {
  const count = await getDb().$executeRaw`
    DELETE FROM "Budget"
    WHERE "workspaceId" = ${workspaceId} AND "flowId" IS NOT DISTINCT FROM ${flowId}::text`;
  return count > 0;
}
