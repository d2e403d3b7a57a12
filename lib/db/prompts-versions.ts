import { getDb } from "./client";
import type { Prisma } from "./generated/client.ts";
import { jsonInput, jsonValue } from "./json";
import type { PromptVersionContent } from "./prompts-library";
import { withAuthorNames } from "./users";

type Tx = Prisma.TransactionClient;

/** One version with its content (model and parameters as stored JSON, unchecked). */
export interface PromptVersionFull {
  id: string;
  promptId: string;
  version: number;
  template: string;
  model: unknown;
  parameters: unknown;
  message: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
}

const fullFields = {
  id: true,
  promptId: true,
  version: true,
  template: true,
  model: true,
  parameters: true,
  message: true,
  authorId: true,
  createdAt: true,
} as const;

/** A version of the prompt by number or id, or null. */
export async function findPromptVersion(
  workspaceId: string,
  promptId: string,
  which: { version: number } | { id: string },
): Promise<PromptVersionFull | null> {
  const row = await getDb().promptVersion.findFirst({
    where: { workspaceId, promptId, ...which },
    select: fullFields,
  });
  return row ? (await withAuthorNames([row]))[0]! : null;
}

/** Versions by id (any prompts of the workspace), for resolving what change requests point at. */
export function findVersionsByIds(
  workspaceId: string,
  ids: string[],
): Promise<{ id: string; promptId: string; version: number }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return getDb().promptVersion.findMany({
    where: { workspaceId, id: { in: ids } },
    select: { id: true, promptId: true, version: true },
  });
}

/**
 * Locks the prompt row for the transaction (version saves and label moves of one prompt run in
 * turn); false when the prompt is not in the workspace.
 */
export async function lockPrompt(tx: Tx, workspaceId: string, promptId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Prompt" WHERE id = ${promptId} AND "workspaceId" = ${workspaceId} FOR UPDATE`;
  return rows.length > 0;
}

/** What saving a version did. */
export type SavePromptVersionResult =
  | { status: "saved"; version: PromptVersionFull }
  | { status: "conflict"; latestVersion: number }
  | { status: "not_found" };

/**
 * Saves the next version of a prompt, only while its latest version is still `baseVersion`
 * (0: none); the prompt row is locked, so concurrent saves cannot both pass the check.
 */
export function savePromptVersion(
  workspaceId: string,
  promptId: string,
  input: PromptVersionContent & { baseVersion: number; author: { id: string; name: string } },
): Promise<SavePromptVersionResult> {
  return getDb().$transaction(async (tx) => {
    if (!(await lockPrompt(tx, workspaceId, promptId))) return { status: "not_found" };
    const last = await tx.promptVersion.aggregate({ where: { promptId }, _max: { version: true } });
    const latestVersion = last._max.version ?? 0;
    if (latestVersion !== input.baseVersion) return { status: "conflict", latestVersion };
    const row = await tx.promptVersion.create({
      data: {
        workspaceId,
        promptId,
        version: latestVersion + 1,
        template: input.template,
        model: jsonInput(input.model),
        parameters: jsonValue(input.parameters),
        message: input.message,
        authorId: input.author.id,
      },
      select: fullFields,
    });
    await tx.prompt.update({ where: { id: promptId }, data: { updatedAt: new Date() } });
    return { status: "saved", version: { ...row, authorName: input.author.name } };
  });
}
