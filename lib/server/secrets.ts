import {
  createSecret,
  deleteSecret as removeSecret,
  findSecret,
  findSecretByName,
  listSecrets,
  updateSecretValue,
  type SecretRecord,
} from "@/lib/db/secrets";
import type { SecretDto } from "@/lib/schemas/settings";
import { audit } from "./audit";
import { decryptSecret, encryptSecret } from "./crypto";
import { errors } from "./errors";
import type { WorkspaceContext } from "./workspace-context";

function toDto(row: SecretRecord): SecretDto {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function secretOr404(ctx: WorkspaceContext, id: string): Promise<SecretRecord> {
  const row = await findSecret(ctx.workspace.id, id);
  if (!row) throw errors.notFound("Secret");
  return row;
}

/** Secret names of the active workspace (values are write-only). */
export async function secretsOf(ctx: WorkspaceContext): Promise<SecretDto[]> {
  return (await listSecrets(ctx.workspace.id)).map(toDto);
}

/** Stores a new secret, encrypted at rest. */
export async function addSecret(
  ctx: WorkspaceContext,
  name: string,
  value: string,
): Promise<SecretDto> {
  const row = await createSecret(ctx.workspace.id, name, encryptSecret(value));
  await audit(ctx, "secret.created", { type: "secret", id: row.id }, { after: { name } });
  return toDto(row);
}

/** Replaces a secret's value. */
export async function replaceSecret(
  ctx: WorkspaceContext,
  id: string,
  value: string,
): Promise<SecretDto> {
  const before = await secretOr404(ctx, id);
  const row = await updateSecretValue(ctx.workspace.id, id, encryptSecret(value));
  await audit(ctx, "secret.updated", { type: "secret", id }, { after: { name: before.name } });
  return toDto(row);
}

/** Deletes a secret. */
export async function deleteSecret(ctx: WorkspaceContext, id: string): Promise<void> {
  const before = await secretOr404(ctx, id);
  await removeSecret(ctx.workspace.id, id);
  await audit(ctx, "secret.deleted", { type: "secret", id }, { before: { name: before.name } });
}

/** Resolves a secret's plain value by name, for flows (`ctx.secrets`); null when absent. */
export async function readSecretValue(workspaceId: string, name: string): Promise<string | null> {
  const row = await findSecretByName(workspaceId, name);
  return row ? decryptSecret(row.encryptedValue) : null;
}
