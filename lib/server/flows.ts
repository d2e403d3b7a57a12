import type { z } from "zod";
import { validateFlow, type FlowGraph } from "@/lib/engine";
import {
  createFlow,
  deleteFlowUnlessPublished,
  findFlowRecord,
  flowRevision,
  listFlows,
  updateFlowIfRevision,
  type FlowChanges,
  type FlowRecord,
} from "@/lib/db/flows";
import { nodeRegistry } from "@/lib/nodes";
import { DEFAULT_INPUT_SCHEMA } from "@/lib/nodes/input.node";
import {
  flowDocumentSchema,
  type createFlowSchema,
  type FlowDocument,
  type FlowDto,
  type FlowSummaryDto,
  type FlowWithIssuesDto,
  type listFlowsQuerySchema,
  type updateFlowSchema,
} from "@/lib/schemas/flows";
import { audit } from "./audit";
import { errors, validationError } from "./errors";
import type { WorkspaceContext } from "./workspace-context";

const NAME_MAX = 120;
const COPY_SUFFIX = " (copy)";

/** The graph a new flow starts with: an Input wired to an Output. */
export function defaultFlowGraph(): FlowGraph {
  const node = (id: string, type: string, label: string, config: object, x: number) => ({
    id,
    type,
    typeVersion: 1,
    label,
    config: { ...config },
    policy: {},
    position: { x, y: 0 },
  });
  return {
    nodes: [
      node("input", "input", "Input", { mode: "json", schema: { ...DEFAULT_INPUT_SCHEMA } }, 0),
      node("output", "output", "Output", {}, 400),
    ],
    edges: [{ id: "e1", source: "input", sourcePort: "out", target: "output", targetPort: "in" }],
  };
}

const summaryDto = (row: Omit<FlowRecord, "graph">): FlowSummaryDto => ({
  id: row.id,
  name: row.name,
  description: row.description,
  revision: row.revision,
  updatedAt: row.updatedAt.toISOString(),
});

/** The API view of a flow; stored graphs were parsed with flowGraphSchema on every write. */
export const toFlowDto = (row: FlowRecord): FlowDto => ({
  ...summaryDto(row),
  graph: row.graph as FlowGraph,
});

/** A flow with the issues validateFlow finds in its draft. */
export const withIssues = (row: FlowRecord): FlowWithIssuesDto => ({
  flow: toFlowDto(row),
  issues: validateFlow(row.graph, nodeRegistry),
});

/** What the audit log keeps of a flow (no graph). */
const auditView = (row: { name: string; revision: number }) => ({
  name: row.name,
  revision: row.revision,
});

/** A flow of the active workspace, or a 404. */
export async function flowOr404(ctx: WorkspaceContext, flowId: string): Promise<FlowRecord> {
  const row = await findFlowRecord(ctx.workspace.id, flowId);
  if (!row) throw errors.notFound("Flow");
  return row;
}

/**
 * Writes changes to a draft when `revision` is still the stored one; otherwise 409 with the
 * current revision (nothing is written; the caller keeps its copy), or 404.
 */
export async function updateDraft(
  ctx: WorkspaceContext,
  flowId: string,
  revision: number,
  changes: FlowChanges,
): Promise<FlowRecord> {
  const row = await updateFlowIfRevision(ctx.workspace.id, flowId, revision, changes);
  if (row) return row;
  const currentRevision = await flowRevision(ctx.workspace.id, flowId);
  if (currentRevision === null) throw errors.notFound("Flow");
  throw errors.conflict(
    `The flow was changed elsewhere (now at revision ${currentRevision}); reload it and apply your changes again.`,
    { currentRevision },
  );
}

/** Flows of the active workspace: optional name search, newest first or by name. */
export async function flowsOf(
  ctx: WorkspaceContext,
  query: Partial<z.output<typeof listFlowsQuerySchema>> = {},
): Promise<FlowSummaryDto[]> {
  return (await listFlows(ctx.workspace.id, query)).map(summaryDto);
}

/** One flow with its draft graph and validation issues. */
export async function flowDetail(ctx: WorkspaceContext, flowId: string) {
  return withIssues(await flowOr404(ctx, flowId));
}

/** The editor page's server-rendered copy of a flow, as GET /api/flows/:id answers it; null if none. */
export async function flowForEditor(
  workspaceId: string,
  flowId: string,
): Promise<FlowWithIssuesDto | null> {
  const row = await findFlowRecord(workspaceId, flowId);
  return row ? withIssues(row) : null;
}

async function insertFlow(
  ctx: WorkspaceContext,
  action: string,
  data: { name: string; description: string; graph: FlowGraph },
): Promise<FlowRecord> {
  const row = await createFlow(ctx.workspace.id, { ...data, createdById: ctx.user.id });
  await audit(ctx, action, { type: "flow", id: row.id }, { after: auditView(row) });
  return row;
}

/** Creates a flow; without a graph it starts as an Input wired to an Output. */
export async function addFlow(
  ctx: WorkspaceContext,
  input: z.output<typeof createFlowSchema>,
): Promise<FlowDto> {
  const graph = input.graph ?? defaultFlowGraph();
  return toFlowDto(await insertFlow(ctx, "flow.created", { ...input, graph }));
}

/** Updates name, description and/or graph under optimistic concurrency. */
export async function editFlow(
  ctx: WorkspaceContext,
  flowId: string,
  input: z.output<typeof updateFlowSchema>,
): Promise<FlowWithIssuesDto> {
  const { revision, ...changes } = input;
  const before = await flowOr404(ctx, flowId);
  const row = await updateDraft(ctx, flowId, revision, changes);
  await audit(
    ctx,
    "flow.updated",
    { type: "flow", id: flowId },
    { before: auditView(before), after: auditView(row) },
  );
  return withIssues(row);
}

/** Deletes a flow with its versions and runs; 409 while an endpoint publishes it. */
export async function removeFlow(ctx: WorkspaceContext, flowId: string): Promise<void> {
  const before = await flowOr404(ctx, flowId);
  const outcome = await deleteFlowUnlessPublished(ctx.workspace.id, flowId);
  if (outcome === "not_found") throw errors.notFound("Flow");
  if (outcome === "published")
    throw errors.conflict("An endpoint publishes this flow; delete the endpoint first.");
  await audit(ctx, "flow.deleted", { type: "flow", id: flowId }, { before: auditView(before) });
}

/** Copies a flow's draft into a new flow named "<name> (copy)". */
export async function duplicateFlow(ctx: WorkspaceContext, flowId: string): Promise<FlowDto> {
  const source = await flowOr404(ctx, flowId);
  const name = `${source.name.slice(0, NAME_MAX - COPY_SUFFIX.length).trimEnd()}${COPY_SUFFIX}`;
  const row = await insertFlow(ctx, "flow.duplicated", {
    name,
    description: source.description,
    graph: source.graph as FlowGraph,
  });
  return toFlowDto(row);
}

/** A file name for an exported flow: the name in lower-case ASCII words. */
function exportFileName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return `${slug || "flow"}.trellis.json`;
}

/** The portable document of a flow and the file name to download it as. */
export async function exportFlow(
  ctx: WorkspaceContext,
  flowId: string,
): Promise<{ fileName: string; document: FlowDocument }> {
  const flow = await flowOr404(ctx, flowId);
  return {
    fileName: exportFileName(flow.name),
    document: {
      format: "trellis.flow",
      version: 1,
      name: flow.name,
      description: flow.description,
      graph: flow.graph as FlowGraph,
    },
  };
}

/**
 * Creates a flow from a portable document (parsed strictly, never executed); unknown node types
 * are not fatal, they come back as issues.
 */
export async function importFlow(ctx: WorkspaceContext, raw: unknown): Promise<FlowWithIssuesDto> {
  const parsed = flowDocumentSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const { name, description, graph } = parsed.data;
  return withIssues(await insertFlow(ctx, "flow.imported", { name, description, graph }));
}
