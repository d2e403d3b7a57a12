import { getDb } from "./client";
import { Prisma } from "./generated/client.ts";
import type { ModelPriceRecord } from "./model-prices";
import { rawRows } from "./raw-sql";

/** A model connection row (the key stays encrypted). */
export interface ConnectionRecord {
  id: string;
  name: string;
  provider: string;
  baseUrl: string | null;
  encryptedApiKey: string | null;
  models: string[];
  maxConcurrent: number;
  requestsPerMinute: number;
  builtIn: boolean;
  updatedAt: Date;
}

/** Connections of a workspace: built-in first, then by name. */
export function listConnections(workspaceId: string): Promise<ConnectionRecord[]> {
  return getDb().modelConnection.findMany({
    where: { workspaceId },
    orderBy: [{ builtIn: "desc" }, { name: "asc" }],
  });
}

/** One connection of a workspace. */
export function findConnection(workspaceId: string, id: string): Promise<ConnectionRecord | null> {
  return getDb().modelConnection.findFirst({ where: { workspaceId, id } });
}

/** Creates a connection. */
export function createConnection(
  workspaceId: string,
  data: Omit<ConnectionRecord, "id" | "builtIn" | "updatedAt">,
): Promise<ConnectionRecord> {
  return getDb().modelConnection.create({ data: { ...data, workspaceId } });
}

/** Updates a connection's fields. */
export function updateConnection(
  workspaceId: string,
  id: string,
  data: Partial<Omit<ConnectionRecord, "id" | "builtIn" | "updatedAt" | "name" | "provider">>,
): Promise<ConnectionRecord> {
  return getDb().modelConnection.update({ where: { id, workspaceId }, data });
}

/** Deletes a connection. */
export async function deleteConnection(workspaceId: string, id: string): Promise<void> {
  await getDb().modelConnection.delete({ where: { id, workspaceId } });
}

/** A connection with the workspace's price override for one model (null when it has none). */
export type ConnectionWithPrice = ConnectionRecord & { price: ModelPriceRecord | null };

type PricedRow = ConnectionRecord & {
  priceProvider: string | null;
  inputPerMTok: number;
  outputPerMTok: number;
  cachedInputPerMTok: number | null;
};

/**
 * One connection of a workspace by its name (as flows refer to it), with the workspace's price
 * override for `model` under the connection's name or else its provider (the pricer's order), in
 * one statement: every run's first model call asks (see lib/db/README.md, "Hot paths").
 */
export async function findConnectionByName(
  workspaceId: string,
  name: string,
  model: string,
): Promise<ConnectionWithPrice | null> {
  const rows = await rawRows<PricedRow>(Prisma.sql`
    SELECT c.id, c.name, c.provider, c."baseUrl", c."encryptedApiKey", c.models, c."maxConcurrent",
      c."requestsPerMinute", c."builtIn", c."updatedAt", p.provider AS "priceProvider",
      p."inputPerMTok"::float8 AS "inputPerMTok", p."outputPerMTok"::float8 AS "outputPerMTok",
      p."cachedInputPerMTok"::float8 AS "cachedInputPerMTok"
    FROM "ModelConnection" c
    LEFT JOIN LATERAL (
      SELECT provider, "inputPerMTok", "outputPerMTok", "cachedInputPerMTok" FROM "ModelPrice"
      WHERE "workspaceId" = c."workspaceId" AND model = ${model} AND provider IN (c.name, c.provider)
      ORDER BY provider = c.name DESC
      LIMIT 1
    ) p ON true
    WHERE c."workspaceId" = ${workspaceId} AND c.name = ${name}`);
  const row = rows[0];
  if (!row) return null;
  const { priceProvider, inputPerMTok, outputPerMTok, cachedInputPerMTok, ...connection } = row;
  const price =
    priceProvider === null
      ? null
      : { provider: priceProvider, model, inputPerMTok, outputPerMTok, cachedInputPerMTok };
  return { ...connection, price };
}
