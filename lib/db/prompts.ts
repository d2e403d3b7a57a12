import { getDb } from "./client";

/** A prompt version as runs resolve it (the model is the stored JSON, unchecked). */
export interface PromptVersionRecord {
  id: string;
  version: number;
  template: string;
  model: unknown;
}

const versionFields = { id: true, version: true, template: true, model: true } as const;

/** The id of a workspace's prompt by name, or null. */
export async function findPromptIdByName(
  workspaceId: string,
  name: string,
): Promise<string | null> {
  const row = await getDb().prompt.findUnique({
    where: { workspaceId_name: { workspaceId, name } },
    select: { id: true },
  });
  return row?.id ?? null;
}

/** The version a label of the prompt points at, or null when the prompt has no such label. */
export async function findPromptVersionByLabel(
  workspaceId: string,
  promptId: string,
  label: string,
): Promise<PromptVersionRecord | null> {
  const row = await getDb().promptLabel.findFirst({
    where: { workspaceId, promptId, name: label },
    select: { version: { select: versionFields } },
  });
  return row?.version ?? null;
}

/** A numbered version of the prompt, or null. */
export function findPromptVersionByNumber(
  workspaceId: string,
  promptId: string,
  version: number,
): Promise<PromptVersionRecord | null> {
  return getDb().promptVersion.findFirst({
    where: { workspaceId, promptId, version },
    select: versionFields,
  });
}
