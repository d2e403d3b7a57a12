import type { z } from "zod";
import {
  createConnection as insertConnection,
  deleteConnection as removeConnection,
  findConnection,
  listConnections,
  updateConnection as patchConnection,
  type ConnectionRecord,
} from "@/lib/db/connections";
import type {
  ConnectionDto,
  createConnectionSchema,
  updateConnectionSchema,
} from "@/lib/schemas/settings";
import { audit } from "./audit";
import { encryptSecret } from "./crypto";
import { ApiError, errors } from "./errors";
import type { WorkspaceContext } from "./workspace-context";

/** The API view of a connection: never the key, only whether one is set. */
function toDto(row: ConnectionRecord): ConnectionDto {
  return {
    id: row.id,
    name: row.name,
    provider: row.provider === "simulated" ? "simulated" : "openai",
    baseUrl: row.baseUrl,
    hasApiKey: row.encryptedApiKey !== null,
    models: row.models,
    maxConcurrent: row.maxConcurrent,
    requestsPerMinute: row.requestsPerMinute,
    builtIn: row.builtIn,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a connection (no key material). */
function auditView(row: ConnectionRecord) {
  return {
    name: row.name,
    baseUrl: row.baseUrl,
    models: row.models,
    maxConcurrent: row.maxConcurrent,
    requestsPerMinute: row.requestsPerMinute,
  };
}

async function editableOr404(ctx: WorkspaceContext, id: string): Promise<ConnectionRecord> {
  const row = await findConnection(ctx.workspace.id, id);
  if (!row) throw errors.notFound("Connection");
  if (row.builtIn)
    throw errors.conflict("The built-in Simulated connection cannot be changed or deleted.");
  return row;
}

/** Connections of the active workspace. */
export async function connectionsOf(ctx: WorkspaceContext): Promise<ConnectionDto[]> {
  return (await listConnections(ctx.workspace.id)).map(toDto);
}

/** Adds an OpenAI or OpenAI-compatible connection; the key is encrypted at rest. */
export async function addConnection(
  ctx: WorkspaceContext,
  input: z.output<typeof createConnectionSchema>,
): Promise<ConnectionDto> {
  const row = await insertConnection(ctx.workspace.id, {
    name: input.name,
    provider: "openai",
    baseUrl: input.baseUrl ?? null,
    encryptedApiKey: encryptSecret(input.apiKey),
    models: input.models,
    maxConcurrent: input.maxConcurrent,
    requestsPerMinute: input.requestsPerMinute,
  });
  await audit(
    ctx,
    "connection.created",
    { type: "model_connection", id: row.id },
    { after: auditView(row) },
  );
  return toDto(row);
}

/** Updates a connection; changing its base URL requires re-entering the key. */
export async function editConnection(
  ctx: WorkspaceContext,
  id: string,
  input: z.output<typeof updateConnectionSchema>,
): Promise<ConnectionDto> {
  const before = await editableOr404(ctx, id);
  const baseUrlChanged = input.baseUrl !== undefined && input.baseUrl !== before.baseUrl;
  if (baseUrlChanged && !input.apiKey) {
    throw new ApiError(
      400,
      "validation_failed",
      "Re-enter the API key when changing the base URL.",
      {
        issues: [{ path: "apiKey", message: "Required when the base URL changes" }],
      },
    );
  }
  const { apiKey, ...fields } = input;
  const row = await patchConnection(ctx.workspace.id, id, {
    ...fields,
    ...(apiKey ? { encryptedApiKey: encryptSecret(apiKey) } : {}),
  });
  await audit(
    ctx,
    "connection.updated",
    { type: "model_connection", id },
    {
      before: auditView(before),
      after: { ...auditView(row), apiKeyReplaced: Boolean(apiKey) },
    },
  );
  return toDto(row);
}

/** Deletes a connection (not the built-in one). */
export async function deleteConnection(ctx: WorkspaceContext, id: string): Promise<void> {
  const before = await editableOr404(ctx, id);
  await removeConnection(ctx.workspace.id, id);
  await audit(
    ctx,
    "connection.deleted",
    { type: "model_connection", id },
    { before: auditView(before) },
  );
}
