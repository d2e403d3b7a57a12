import { getDb } from "./client";

/** A workspace secret row (the value stays encrypted). */
export interface SecretRecord {
  id: string;
  name: string;
  encryptedValue: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Secrets of a workspace by name. */
export function listSecrets(workspaceId: string): Promise<SecretRecord[]> {
  return getDb().secret.findMany({ where: { workspaceId }, orderBy: { name: "asc" } });
}

/** One secret of a workspace by id. */
export function findSecret(workspaceId: string, id: string): Promise<SecretRecord | null> {
  return getDb().secret.findFirst({ where: { workspaceId, id } });
}

/** One secret of a workspace by name (flows reference secrets by name). */
export function findSecretByName(workspaceId: string, name: string): Promise<SecretRecord | null> {
  return getDb().secret.findUnique({ where: { workspaceId_name: { workspaceId, name } } });
}

/** Creates a secret. */
export function createSecret(
  workspaceId: string,
  name: string,
  encryptedValue: string,
): Promise<SecretRecord> {
  return getDb().secret.create({ data: { workspaceId, name, encryptedValue } });
}

/** Replaces a secret's value. */
export function updateSecretValue(
  workspaceId: string,
  id: string,
  encryptedValue: string,
): Promise<SecretRecord> {
  return getDb().secret.update({ where: { id, workspaceId }, data: { encryptedValue } });
}

/** Deletes a secret. */
export async function deleteSecret(workspaceId: string, id: string): Promise<void> {
  await getDb().secret.delete({ where: { id, workspaceId } });
}
