import { getDb } from "./client";
import { withAuthorNames } from "./users";

/** A saved version of a flow, with its author's name when the author still exists. */
export interface FlowVersionRecord {
  id: string;
  version: number;
  message: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
}

/** A version with its graph snapshot. */
export interface FlowVersionWithGraph extends FlowVersionRecord {
  graph: unknown;
}

const versionFields = {
  id: true,
  version: true,
  message: true,
  authorId: true,
  createdAt: true,
} as const;

/** Versions of a flow, newest first. */
export async function listFlowVersions(
  workspaceId: string,
  flowId: string,
): Promise<FlowVersionRecord[]> {
  const rows = await getDb().flowVersion.findMany({
    where: { workspaceId, flowId },
    orderBy: { version: "desc" },
    select: versionFields,
  });
  return withAuthorNames(rows);
}

/** One version of a flow with its graph, or null. */
export async function findFlowVersionWithGraph(
  workspaceId: string,
  flowId: string,
  versionId: string,
): Promise<FlowVersionWithGraph | null> {
  const row = await getDb().flowVersion.findFirst({
    where: { id: versionId, flowId, workspaceId },
    select: { ...versionFields, graph: true },
  });
  return row ? (await withAuthorNames([row]))[0]! : null;
}

/** What saving a version did: the new version, or why nothing was saved. */
export type SaveVersionResult =
  | { status: "saved"; version: FlowVersionRecord }
  | { status: "conflict"; currentRevision: number }
  | { status: "not_found" };

/**
 * Saves `graph` (the draft as read at `revision`, prepared by the caller) as the next version
 * number, only while the draft is still at `revision`. The flow row is locked for the
 * transaction, so concurrent saves of one flow number in turn.
 */
export function saveFlowVersion(
  workspaceId: string,
  flowId: string,
  input: {
    revision: number;
    graph: object;
    message: string;
    author: { id: string; name: string };
  },
): Promise<SaveVersionResult> {
  return getDb().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ revision: number }[]>`
      SELECT revision FROM "Flow"
      WHERE id = ${flowId} AND "workspaceId" = ${workspaceId} FOR UPDATE`;
    const flow = locked[0];
    if (!flow) return { status: "not_found" };
    if (flow.revision !== input.revision)
      return { status: "conflict", currentRevision: flow.revision };
    const last = await tx.flowVersion.aggregate({ where: { flowId }, _max: { version: true } });
    const row = await tx.flowVersion.create({
      data: {
        workspaceId,
        flowId,
        version: (last._max.version ?? 0) + 1,
        graph: input.graph,
        message: input.message,
        authorId: input.author.id,
      },
      select: versionFields,
    });
    return { status: "saved", version: { ...row, authorName: input.author.name } };
  });
}
