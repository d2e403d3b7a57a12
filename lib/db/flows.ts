import { getDb } from "./client";
import type { Prisma } from "./generated/client.ts";

/** What a run needs of a flow: its draft graph and, optionally, one version's graph. */
export interface FlowForRun {
  id: string;
  name: string;
  graph: unknown;
}

/** A flow of a workspace with its draft graph. */
export function findFlow(workspaceId: string, flowId: string): Promise<FlowForRun | null> {
  return getDb().flow.findFirst({
    where: { id: flowId, workspaceId },
    select: { id: true, name: true, graph: true },
  });
}

/** An immutable version of a flow. */
export function findFlowVersion(
  workspaceId: string,
  flowId: string,
  versionId: string,
): Promise<{ id: string; version: number; graph: unknown } | null> {
  return getDb().flowVersion.findFirst({
    where: { id: versionId, flowId, workspaceId },
    select: { id: true, version: true, graph: true },
  });
}

/** A flow as lists show it. */
export interface FlowSummary {
  id: string;
  name: string;
  description: string;
  revision: number;
  updatedAt: Date;
}

/** A flow with its draft graph and revision. */
export interface FlowRecord extends FlowSummary {
  graph: unknown;
}

const summaryFields = {
  id: true,
  name: true,
  description: true,
  revision: true,
  updatedAt: true,
} as const;
const recordFields = { ...summaryFields, graph: true } as const;

/** Creates a flow draft at revision 1. */
export function createFlow(
  workspaceId: string,
  data: { name: string; description?: string; graph: object; createdById?: string },
): Promise<FlowRecord> {
  return getDb().flow.create({
    data: {
      workspaceId,
      name: data.name,
      description: data.description ?? "",
      graph: data.graph,
      createdById: data.createdById,
    },
    select: recordFields,
  });
}

/** A flow of a workspace with everything the editor needs. */
export function findFlowRecord(workspaceId: string, flowId: string): Promise<FlowRecord | null> {
  return getDb().flow.findFirst({ where: { id: flowId, workspaceId }, select: recordFields });
}

/** How listFlows filters and orders: a case-insensitive name search, newest or by name. */
export interface ListFlowsOptions {
  q?: string;
  sort?: "updated" | "name";
}

/** Escapes LIKE wildcards (Prisma's `contains` passes them through). */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/** Orders names as people read them ("apple" < "Kiwi", "Flow 2" < "Flow 10"), unlike the C collation. */
const nameOrder = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Flows of a workspace, most recently updated first unless sorted by name (then newest first on ties). */
export async function listFlows(
  workspaceId: string,
  options: ListFlowsOptions = {},
): Promise<FlowSummary[]> {
  const orderBy: Prisma.FlowOrderByWithRelationInput[] = [{ updatedAt: "desc" }, { name: "asc" }];
  const rows = await getDb().flow.findMany({
    where: {
      workspaceId,
      ...(options.q ? { name: { contains: escapeLike(options.q), mode: "insensitive" } } : {}),
    },
    orderBy,
    select: summaryFields,
  });
  // Sorted here: PGlite and PostgreSQL's C collations put every upper-case name before "a".
  return options.sort === "name" ? rows.sort((a, b) => nameOrder.compare(a.name, b.name)) : rows;
}

/** Fields of a draft that an update may replace. */
export interface FlowChanges {
  name?: string;
  description?: string;
  graph?: object;
}

/**
 * Applies the changes only when the stored revision is `revision`, bumping it (one
 * UPDATE ... WHERE id, workspace and revision ... RETURNING). Null when nothing matched.
 */
export async function updateFlowIfRevision(
  workspaceId: string,
  flowId: string,
  revision: number,
  changes: FlowChanges,
): Promise<FlowRecord | null> {
  const rows = await getDb().flow.updateManyAndReturn({
    where: { id: flowId, workspaceId, revision },
    data: { ...changes, revision: { increment: 1 } },
    select: recordFields,
  });
  return rows[0] ?? null;
}

/** The stored revision of a flow, or null when the workspace has no such flow. */
export async function flowRevision(workspaceId: string, flowId: string): Promise<number | null> {
  const row = await getDb().flow.findFirst({
    where: { id: flowId, workspaceId },
    select: { revision: true },
  });
  return row?.revision ?? null;
}

/**
 * Deletes a flow (its versions and runs cascade) unless an endpoint points at it, in one
 * statement; tells which of the three outcomes happened.
 */
export async function deleteFlowUnlessPublished(
  workspaceId: string,
  flowId: string,
): Promise<"deleted" | "published" | "not_found"> {
  const db = getDb();
  const deleted = await db.$executeRaw`
    DELETE FROM "Flow" f
    WHERE f.id = ${flowId} AND f."workspaceId" = ${workspaceId}
      AND NOT EXISTS (SELECT 1 FROM "Endpoint" e WHERE e."flowId" = f.id)`;
  if (deleted > 0) return "deleted";
  return (await flowRevision(workspaceId, flowId)) === null ? "not_found" : "published";
}
