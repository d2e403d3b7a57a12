import { getDb } from "./client";

/** A prompt version as runs resolve it (model and parameters are the stored JSON, unchecked). */
export interface PromptVersionRecord {
  id: string;
  version: number;
  template: string;
  model: unknown;
  parameters: unknown;
}

const versionFields = {
  id: true,
  version: true,
  template: true,
  model: true,
  parameters: true,
} as const;

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

/** A prompt as pickers list it: its labels (with the version each points at) and latest version. */
export interface PromptSummaryRecord {
  id: string;
  name: string;
  description: string;
  labels: { name: string; version: number }[];
  latestVersion: number | null;
  versionCount: number;
  updatedAt: string;
}

/** The workspace's prompts by name, each with its labels and latest version number. */
export async function listPromptSummaries(workspaceId: string): Promise<PromptSummaryRecord[]> {
  const rows = await getDb().prompt.findMany({
    where: { workspaceId },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      description: true,
      labels: {
        orderBy: { name: "asc" },
        select: { name: true, version: { select: { version: true } } },
      },
      updatedAt: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { version: true } },
      _count: { select: { versions: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    labels: row.labels.map((label) => ({ name: label.name, version: label.version.version })),
    latestVersion: row.versions[0]?.version ?? null,
    versionCount: row._count.versions,
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** The prompt (id and name) and number of each version id, for showing what runs used. */
export async function describePromptVersions(
  workspaceId: string,
  versionIds: string[],
): Promise<Map<string, { id: string; name: string; version: number }>> {
  if (versionIds.length === 0) return new Map();
  const rows = await getDb().promptVersion.findMany({
    where: { workspaceId, id: { in: versionIds } },
    select: { id: true, version: true, prompt: { select: { id: true, name: true } } },
  });
  return new Map(rows.map((r) => [r.id, { ...r.prompt, version: r.version }]));
}
