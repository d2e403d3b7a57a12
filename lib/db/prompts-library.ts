import { getDb } from "./client";
import { jsonInput, jsonValue } from "./json";
import { withAuthorNames } from "./users";

/** A prompt's own fields. */
export interface PromptRecord {
  id: string;
  name: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A version as a prompt's history lists it. */
export interface PromptVersionListItem {
  id: string;
  version: number;
  message: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
}

/** A label and the version it points at. */
export interface PromptLabelRecord {
  name: string;
  versionId: string;
  version: number;
  updatedAt: Date;
}

/** What a new version holds (model and parameters as validated JSON). */
export interface PromptVersionContent {
  template: string;
  model: object | null;
  parameters: object;
  message: string;
}

const promptFields = {
  id: true,
  name: true,
  description: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** A prompt of the workspace, or null. */
export function findPrompt(workspaceId: string, promptId: string): Promise<PromptRecord | null> {
  return getDb().prompt.findFirst({ where: { id: promptId, workspaceId }, select: promptFields });
}

/** Versions of a prompt, newest first, with author names. */
export async function listPromptVersions(
  workspaceId: string,
  promptId: string,
): Promise<PromptVersionListItem[]> {
  const rows = await getDb().promptVersion.findMany({
    where: { workspaceId, promptId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, message: true, authorId: true, createdAt: true },
  });
  return withAuthorNames(rows);
}

/** Labels of a prompt by name, with the version number each points at. */
export async function listPromptLabels(
  workspaceId: string,
  promptId: string,
): Promise<PromptLabelRecord[]> {
  const rows = await getDb().promptLabel.findMany({
    where: { workspaceId, promptId },
    orderBy: { name: "asc" },
    select: {
      name: true,
      versionId: true,
      updatedAt: true,
      version: { select: { version: true } },
    },
  });
  return rows.map((r) => ({ ...r, version: r.version.version }));
}

/** Creates a prompt with its version 1; a taken name raises a unique violation. */
export function createPromptWithVersion(
  workspaceId: string,
  input: { name: string; description: string; authorId: string; version: PromptVersionContent },
): Promise<PromptRecord> {
  const { version, authorId } = input;
  return getDb().prompt.create({
    data: {
      workspaceId,
      name: input.name,
      description: input.description,
      versions: {
        create: {
          workspaceId,
          version: 1,
          template: version.template,
          model: jsonInput(version.model),
          parameters: jsonValue(version.parameters),
          message: version.message,
          authorId,
        },
      },
    },
    select: promptFields,
  });
}

/** Sets a prompt's description; null when the prompt is not in the workspace. */
export async function updatePromptDescription(
  workspaceId: string,
  promptId: string,
  description: string,
): Promise<PromptRecord | null> {
  const { count } = await getDb().prompt.updateMany({
    where: { id: promptId, workspaceId },
    data: { description },
  });
  return count === 0 ? null : findPrompt(workspaceId, promptId);
}

/** Names of prompts of the workspace by id. */
export async function findPromptNames(
  workspaceId: string,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await getDb().prompt.findMany({
    where: { workspaceId, id: { in: ids } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The version id a label of the prompt points at, or null. */
export async function findLabelVersionId(
  workspaceId: string,
  promptId: string,
  label: string,
): Promise<string | null> {
  const row = await getDb().promptLabel.findFirst({
    where: { workspaceId, promptId, name: label },
    select: { versionId: true },
  });
  return row?.versionId ?? null;
}
