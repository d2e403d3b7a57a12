import type { z } from "zod";
import { flowGraphSchema, validateFlow, withoutPins, type FlowGraph } from "@/lib/engine";
import {
  findFlowVersionWithGraph,
  listFlowVersions,
  saveFlowVersion,
  type FlowVersionRecord,
  type FlowVersionWithGraph,
} from "@/lib/db/flow-versions";
import { nodeRegistry } from "@/lib/nodes";
import type {
  diffQuerySchema,
  FlowDiff,
  FlowVersionDto,
  FlowVersionSummaryDto,
  FlowWithIssuesDto,
  restoreVersionSchema,
  saveVersionSchema,
} from "@/lib/schemas/flows";
import { audit } from "./audit";
import { ApiError, errors } from "./errors";
import { diffGraphs } from "./flow-diff";
import { flowOr404, updateDraft, withIssues } from "./flows";
import type { WorkspaceContext } from "./workspace-context";

const summaryDto = (row: FlowVersionRecord): FlowVersionSummaryDto => ({
  id: row.id,
  version: row.version,
  message: row.message,
  authorId: row.authorId,
  authorName: row.authorName,
  createdAt: row.createdAt.toISOString(),
});

async function versionOr404(
  ctx: WorkspaceContext,
  flowId: string,
  versionId: string,
): Promise<FlowVersionWithGraph> {
  await flowOr404(ctx, flowId);
  const row = await findFlowVersionWithGraph(ctx.workspace.id, flowId, versionId);
  if (!row) throw errors.notFound("Flow version");
  return row;
}

const conflict = (currentRevision: number) =>
  errors.conflict(
    `The flow was changed elsewhere (now at revision ${currentRevision}); reload it before saving a version.`,
    { currentRevision },
  );

/**
 * Snapshots the draft at `revision` as the next immutable version, without its pins (versions,
 * and so published endpoints, never use pinned outputs); refused while validation finds errors
 * (400 with `flowIssues`) or when the revision is stale (409).
 */
export async function saveVersion(
  ctx: WorkspaceContext,
  flowId: string,
  input: z.output<typeof saveVersionSchema>,
): Promise<FlowVersionSummaryDto> {
  const flow = await flowOr404(ctx, flowId);
  if (flow.revision !== input.revision) throw conflict(flow.revision);
  const flowIssues = validateFlow(flow.graph, nodeRegistry).filter((i) => i.severity === "error");
  if (flowIssues.length > 0) {
    throw new ApiError(
      400,
      "validation_failed",
      "The flow has errors; fix them before saving a version.",
      { flowIssues },
    );
  }
  const result = await saveFlowVersion(ctx.workspace.id, flowId, {
    revision: input.revision,
    graph: withoutPins(flow.graph as FlowGraph),
    message: input.message,
    author: { id: ctx.user.id, name: ctx.user.name },
  });
  if (result.status === "not_found") throw errors.notFound("Flow");
  if (result.status === "conflict") throw conflict(result.currentRevision);
  await audit(
    ctx,
    "flow.version_saved",
    { type: "flow", id: flowId },
    { after: { name: flow.name, revision: flow.revision, version: result.version.version } },
  );
  return summaryDto(result.version);
}

/** Versions of a flow, newest first. */
export async function versionsOf(
  ctx: WorkspaceContext,
  flowId: string,
): Promise<FlowVersionSummaryDto[]> {
  await flowOr404(ctx, flowId);
  return (await listFlowVersions(ctx.workspace.id, flowId)).map(summaryDto);
}

/** One version of a flow with its graph. */
export async function versionDetail(
  ctx: WorkspaceContext,
  flowId: string,
  versionId: string,
): Promise<FlowVersionDto> {
  const row = await versionOr404(ctx, flowId, versionId);
  return { ...summaryDto(row), graph: row.graph as FlowGraph };
}

/** Copies a version's graph into the draft, under optimistic concurrency like PATCH. */
export async function restoreVersion(
  ctx: WorkspaceContext,
  flowId: string,
  versionId: string,
  input: z.output<typeof restoreVersionSchema>,
): Promise<FlowWithIssuesDto> {
  const version = await versionOr404(ctx, flowId, versionId);
  const row = await updateDraft(ctx, flowId, input.revision, {
    graph: version.graph as FlowGraph,
  });
  await audit(
    ctx,
    "flow.version_restored",
    { type: "flow", id: flowId },
    {
      before: { name: row.name, revision: input.revision },
      after: { name: row.name, revision: row.revision, version: version.version },
    },
  );
  return withIssues(row);
}

function parseGraph(raw: unknown, ref: string): FlowGraph {
  const parsed = flowGraphSchema.safeParse(raw);
  if (!parsed.success) throw errors.badRequest(`The graph of ${ref} is not a valid flow graph.`);
  return parsed.data;
}

/** What changed between two versions of a flow, or a version and the draft ("draft"). */
export async function diffFlow(
  ctx: WorkspaceContext,
  flowId: string,
  query: z.output<typeof diffQuerySchema>,
): Promise<FlowDiff> {
  const flow = await flowOr404(ctx, flowId);
  const graphOf = async (ref: string) => {
    if (ref === "draft") return parseGraph(flow.graph, ref);
    const version = await findFlowVersionWithGraph(ctx.workspace.id, flowId, ref);
    if (!version) throw errors.notFound("Flow version");
    return parseGraph(version.graph, `version ${version.version}`);
  };
  const [from, to] = await Promise.all([graphOf(query.from), graphOf(query.to)]);
  return diffGraphs(from, to);
}
