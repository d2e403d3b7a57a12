import { getDb } from "./client";

/** A workspace's data settings: how long run content is kept, and whether PII is masked. */
export interface DataSettingsRecord {
  retentionDays: number | null;
  maskPii: boolean;
}

/** The data settings of a workspace (null when it does not exist). */
export function findDataSettings(workspaceId: string): Promise<DataSettingsRecord | null> {
  return getDb().workspace.findUnique({
    where: { id: workspaceId },
    select: { retentionDays: true, maskPii: true },
  });
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
