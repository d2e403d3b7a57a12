import { getDb } from "./client";

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

/** One connection of a workspace by its name (as flows refer to it). */
export async function findConnectionByName(
  workspaceId: string,
  name: string,
): Promise<ConnectionRecord | null> {
  // Raw SQL: every run's first model call asks (see lib/db/README.md, "Hot paths").
  const rows = await getDb().$queryRaw<ConnectionRecord[]>`
    SELECT id, name, provider, "baseUrl", "encryptedApiKey", models, "maxConcurrent",
      "requestsPerMinute", "builtIn", "updatedAt"
    FROM "ModelConnection" WHERE "workspaceId" = ${workspaceId} AND name = ${name}`;
  return rows[0] ?? null;
}
