import { z } from "zod";
import { flowGraphSchema } from "@/lib/engine";
import { findEndpointToRun, listEndpoints, type EndpointRecord } from "@/lib/db/endpoints";
import { apiKeyRoute } from "../api-keys/api-route";
import { canReach, type ApiCaller } from "../api-keys/authenticate";
import { route } from "../route";
import type { EndpointContract } from "./document";

/**
 * Who reads endpoint contracts: an API key sees the endpoints it may call; a signed-in member of
 * the workspace (any role) sees all of the workspace's endpoints.
 */
export interface ContractReader {
  workspaceId: string;
  reaches: (endpoint: Pick<EndpointRecord, "id" | "workspaceId">) => boolean;
}

/** The reader an API key is: the endpoints of its workspace it may call. */
export function keyReader(caller: ApiCaller): ContractReader {
  return { workspaceId: caller.workspaceId, reaches: (endpoint) => canReach(caller, endpoint) };
}

/** An endpoint's contract with its publication time. */
export type DatedContract = EndpointContract & { id: string; createdAt: Date };

/** The contracts of the endpoints the reader may see, each with the graph of the version it serves. */
export async function readableContracts(
  reader: ContractReader,
  only?: { slug: string },
): Promise<DatedContract[]> {
  const records = (await listEndpoints(reader.workspaceId)).filter(
    (e) => reader.reaches(e) && (!only || e.slug === only.slug),
  );
  const contracts: DatedContract[] = [];
  for (const record of records) {
    const served = await findEndpointToRun(reader.workspaceId, record.slug);
    const graph = flowGraphSchema.safeParse(served?.graph);
    if (!served || !graph.success) continue;
    contracts.push({
      id: served.id,
      slug: served.slug,
      status: served.status,
      flowName: served.flowName,
      version: served.version,
      graph: graph.data,
      createdAt: served.createdAt,
    });
  }
  return contracts;
}

/**
 * A GET route readable with an API key (`Authorization: Bearer trl_...`: its scope, counted
 * against its rate limit) or a session (the active workspace), answering the JSON error shape.
 */
export function contractRoute<P extends z.ZodType>(
  params: P,
  handler: (
    reader: ContractReader,
    args: { request: Request; params: z.output<P> },
  ) => Promise<unknown>,
) {
  const bySession = route({ permission: "workspace.read", params }, ({ ctx, request, params }) =>
    handler(
      { workspaceId: ctx.workspace.id, reaches: () => true },
      { request, params: params as z.output<P> },
    ),
  );
  const byKey = apiKeyRoute({ params }, async ({ request, caller, params }) =>
    Response.json(await handler(keyReader(caller), { request, params })),
  );
  return (request: Request, context: Parameters<typeof bySession>[1]) =>
    request.headers.has("authorization") ? byKey(request, context) : bySession(request, context);
}
