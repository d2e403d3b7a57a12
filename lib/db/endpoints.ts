import type { EndpointStatus } from "@/lib/schemas/endpoints";
import { getDb } from "./client";
import { Prisma } from "./generated/client.ts";
import { rawRows } from "./raw-sql";

/** A published endpoint with the flow and version it serves. */
export interface EndpointRecord {
  id: string;
  workspaceId: string;
  slug: string;
  status: EndpointStatus;
  flowId: string;
  flowName: string;
  flowVersionId: string;
  version: number;
  versionMessage: string;
  createdAt: Date;
  updatedAt: Date;
}

const endpointSelect = {
  id: true,
  workspaceId: true,
  slug: true,
  status: true,
  flowId: true,
  flowVersionId: true,
  createdAt: true,
  updatedAt: true,
  flow: { select: { name: true } },
  flowVersion: { select: { version: true, message: true } },
} as const;

type Row = Prisma.EndpointGetPayload<{ select: typeof endpointSelect }>;

/** The stored status as the API names it (anything but paused serves). */
const endpointStatus = (status: string): EndpointStatus =>
  status === "paused" ? "paused" : "active";

function toRecord({ flow, flowVersion, status, ...row }: Row): EndpointRecord {
  return {
    ...row,
    status: endpointStatus(status),
    flowName: flow.name,
    version: flowVersion.version,
    versionMessage: flowVersion.message,
  };
}

/** Endpoints of a workspace by slug. */
export async function listEndpoints(workspaceId: string): Promise<EndpointRecord[]> {
  const rows = await getDb().endpoint.findMany({
    where: { workspaceId },
    orderBy: { slug: "asc" },
    select: endpointSelect,
  });
  return rows.map(toRecord);
}

/** One endpoint of a workspace by id or slug, or null. */
export async function findEndpoint(
  workspaceId: string,
  by: { id: string } | { slug: string },
): Promise<EndpointRecord | null> {
  const row = await getDb().endpoint.findFirst({
    where: { workspaceId, ...by },
    select: endpointSelect,
  });
  return row ? toRecord(row) : null;
}

/** An endpoint with the graph of the version it serves, for the run API (one statement). */
export async function findEndpointToRun(
  workspaceId: string,
  slug: string,
): Promise<(EndpointRecord & { graph: unknown }) | null> {
  // Raw SQL: every run API call resolves its endpoint (see lib/db/README.md, "Hot paths").
  const rows = await rawRows<
    Omit<EndpointRecord, "status"> & { status: string; graph: unknown }
  >(Prisma.sql`
    SELECT e.id, e."workspaceId", e.slug, e.status, e."flowId", f.name AS "flowName",
      e."flowVersionId", v.version, v.message AS "versionMessage", e."createdAt", e."updatedAt",
      v.graph
    FROM "Endpoint" e
    JOIN "Flow" f ON f.id = e."flowId"
    JOIN "FlowVersion" v ON v.id = e."flowVersionId"
    WHERE e."workspaceId" = ${workspaceId} AND e.slug = ${slug}`);
  const row = rows[0];
  return row ? { ...row, status: endpointStatus(row.status) } : null;
}

/** A saved flow version of a workspace with its flow's name and graph, or null. */
export function findVersionToPublish(
  workspaceId: string,
  flowVersionId: string,
): Promise<{ id: string; flowId: string; version: number; graph: unknown } | null> {
  return getDb().flowVersion.findFirst({
    where: { id: flowVersionId, workspaceId },
    select: { id: true, flowId: true, version: true, graph: true },
  });
}

/** Publishes a version under a new slug (a taken slug is a unique violation). */
export async function createEndpoint(data: {
  workspaceId: string;
  slug: string;
  flowId: string;
  flowVersionId: string;
  createdById: string;
}): Promise<EndpointRecord> {
  return toRecord(await getDb().endpoint.create({ data, select: endpointSelect }));
}

/** Points an endpoint at another version; null when it is gone. */
export async function setEndpointVersion(
  workspaceId: string,
  id: string,
  flowVersionId: string,
): Promise<EndpointRecord | null> {
  const { count } = await getDb().endpoint.updateMany({
    where: { id, workspaceId },
    data: { flowVersionId },
  });
  return count === 0 ? null : findEndpoint(workspaceId, { id });
}

/**
 * Points an endpoint at another version inside a transaction (an approved change request), with
 * its row locked; the endpoint before and after, or null when it is gone.
 */
export async function repointEndpointIn(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  id: string,
  flowVersionId: string,
): Promise<{ before: EndpointRecord; after: EndpointRecord } | null> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Endpoint" WHERE id = ${id} AND "workspaceId" = ${workspaceId} FOR UPDATE`;
  if (!locked[0]) return null;
  const read = async () =>
    toRecord(await tx.endpoint.findUniqueOrThrow({ where: { id }, select: endpointSelect }));
  const before = await read();
  await tx.endpoint.update({ where: { id }, data: { flowVersionId } });
  return { before, after: await read() };
}

/** Pauses or resumes an endpoint; null when it is gone. */
export async function setEndpointStatus(
  workspaceId: string,
  id: string,
  status: EndpointStatus,
): Promise<EndpointRecord | null> {
  const { count } = await getDb().endpoint.updateMany({
    where: { id, workspaceId },
    data: { status },
  });
  return count === 0 ? null : findEndpoint(workspaceId, { id });
}

/** Deletes an endpoint (its runs keep their history without it); false when it was gone. */
export async function deleteEndpoint(workspaceId: string, id: string): Promise<boolean> {
  const { count } = await getDb().endpoint.deleteMany({ where: { id, workspaceId } });
  return count === 1;
}

/** Runs of an endpoint since an instant by outcome, runs in flight now and the last call. */
export interface EndpointTrafficRecord {
  endpointId: string;
  runs: number;
  succeeded: number;
  failed: number;
  inFlight: number;
  lastCalledAt: Date | null;
}

/**
 * Traffic of the given endpoints of a workspace, counted in SQL: runs since `since` by outcome
 * (the endpointId/createdAt index), runs in flight now (the status index) and the last call.
 */
export async function endpointTraffic(
  workspaceId: string,
  endpointIds: string[],
  since: Date,
): Promise<Map<string, EndpointTrafficRecord>> {
  if (endpointIds.length === 0) return new Map();
  const rows = await getDb().$queryRaw<EndpointTrafficRecord[]>`
    SELECT e.id AS "endpointId", t.runs, t.succeeded, t.failed,
      COALESCE(f."inFlight", 0)::int AS "inFlight", l."lastCalledAt"
    FROM unnest(${endpointIds}::text[]) AS e(id)
    CROSS JOIN LATERAL (
      SELECT COUNT(*)::int AS runs,
        COUNT(*) FILTER (WHERE r.status = 'succeeded')::int AS succeeded,
        COUNT(*) FILTER (WHERE r.status = 'failed')::int AS failed
      FROM "Run" r
      WHERE r."endpointId" = e.id AND r."workspaceId" = ${workspaceId} AND r."createdAt" >= ${since}
    ) t
    CROSS JOIN LATERAL (
      SELECT MAX(r."createdAt") AS "lastCalledAt" FROM "Run" r
      WHERE r."endpointId" = e.id AND r."workspaceId" = ${workspaceId}
    ) l
    LEFT JOIN (
      SELECT r."endpointId", COUNT(*) AS "inFlight" FROM "Run" r
      WHERE r.status IN ('queued', 'running') AND r."workspaceId" = ${workspaceId}
        AND r."endpointId" = ANY(${endpointIds}::text[])
      GROUP BY r."endpointId"
    ) f ON f."endpointId" = e.id`;
  return new Map(rows.map((row) => [row.endpointId, row]));
}
