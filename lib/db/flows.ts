import { getDb } from "./client";

/** What a run needs of a flow: its draft graph and, optionally, one version's graph. */
export interface FlowForRun {
  id: string;
  name: string;
  graph: unknown;
}

/** A flow of a workspace with its draft graph. */
export function findFlow(workspaceId: string, flowId: string): Promise<FlowForRun | null> {
  return getDb().flow.findFirst({
    where: { id: flowId, workspaceId },
    select: { id: true, name: true, graph: true },
  });
}

/** An immutable version of a flow. */
export function findFlowVersion(
  workspaceId: string,
  flowId: string,
  versionId: string,
): Promise<{ id: string; version: number; graph: unknown } | null> {
  return getDb().flowVersion.findFirst({
    where: { id: versionId, flowId, workspaceId },
    select: { id: true, version: true, graph: true },
  });
}

/** Creates a flow draft (seeding and tests; the designer adds its own CRUD). */
export function createFlow(
  workspaceId: string,
  data: { name: string; description?: string; graph: object; createdById?: string },
): Promise<{ id: string }> {
  return getDb().flow.create({
    data: {
      workspaceId,
      name: data.name,
      description: data.description ?? "",
      graph: data.graph,
      createdById: data.createdById,
    },
    select: { id: true },
  });
}

/** A flow as lists show it. */
export interface FlowSummary {
  id: string;
  name: string;
  description: string;
  revision: number;
  updatedAt: Date;
}

/** Flows of a workspace, most recently updated first. */
export function listFlows(workspaceId: string): Promise<FlowSummary[]> {
  return getDb().flow.findMany({
    where: { workspaceId },
    orderBy: { updatedAt: "desc" },
    select: { id: true, name: true, description: true, revision: true, updatedAt: true },
  });
}
