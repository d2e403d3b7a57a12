import { getDb } from "./client";
import { Prisma } from "./generated/client.ts";
import { rawRows } from "./raw-sql";

/** A workspace's data settings: how long run content is kept, and whether PII is masked. */
export interface DataSettingsRecord {
  retentionDays: number | null;
  maskPii: boolean;
}

/** The data settings of a workspace (null when it does not exist). */
export async function findDataSettings(workspaceId: string): Promise<DataSettingsRecord | null> {
  // Raw SQL: every run reads them as it starts (see lib/db/README.md, "Hot paths").
  const rows = await rawRows<DataSettingsRecord>(Prisma.sql`
    SELECT "retentionDays", "maskPii" FROM "Workspace" WHERE id = ${workspaceId}`);
  return rows[0] ?? null;
}

/** Replaces the data settings of a workspace. */
export function updateDataSettings(
  workspaceId: string,
  settings: DataSettingsRecord,
): Promise<DataSettingsRecord> {
  return getDb().workspace.update({
    where: { id: workspaceId },
    data: settings,
    select: { retentionDays: true, maskPii: true },
  });
}
