import { z } from "zod";
import {
  findEndpoint,
  findVersionToPublish,
  repointEndpointIn,
  type EndpointRecord,
} from "@/lib/db/endpoints";
import type { createChangeRequestSchema } from "@/lib/schemas/change-requests";
import type { FlowPublishTargetDto } from "@/lib/schemas/endpoints";
import { auditRepoint, planRepoint } from "../../endpoints/endpoints";
import { governedChanges } from "../../endpoints/publish-changes";
import { errors } from "../../errors";
import { can } from "../../permissions";
import type { WorkspaceContext } from "../../workspace-context";
import type { ChangeKind, ProposedChange } from "./types";

/** What a `flow.publish` request stores: serve `flowVersionId` at the endpoint instead of `fromVersionId`. */
const payloadSchema = z.object({
  endpointId: z.string(),
  flowVersionId: z.string(),
  fromVersionId: z.string(),
});
type Payload = z.output<typeof payloadSchema>;

const parse = (payload: unknown): Payload => payloadSchema.parse(payload);

const defaultTitle = (slug: string, version: number) => `Serve version ${version} at ${slug}`;
/** Matches the titles `defaultTitle` writes, so a revision renames only those. */
const DEFAULT_TITLE = /^Serve version \d+ at .+$/;

async function propose(
  ctx: WorkspaceContext,
  input: { endpointId: string; flowVersionId: string; title?: string },
): Promise<ProposedChange> {
  if (!can(ctx.roles, "endpoint.manage"))
    throw errors.forbidden("Your role does not allow publishing endpoints (endpoint.manage).");
  const { endpoint, version } = await planRepoint(ctx, input.endpointId, input.flowVersionId);
  const payload: Payload = {
    endpointId: endpoint.id,
    flowVersionId: version.id,
    fromVersionId: endpoint.flowVersionId,
  };
  return {
    title: input.title || defaultTitle(endpoint.slug, version.version),
    payload,
    targetId: endpoint.id,
  };
}

async function endpointIdOf(ctx: WorkspaceContext, body: { endpointId?: string; slug?: string }) {
  const by = body.endpointId ? { id: body.endpointId } : { slug: body.slug! };
  const endpoint = await findEndpoint(ctx.workspace.id, by);
  if (!endpoint) throw errors.notFound("Endpoint");
  return endpoint.id;
}

async function target(ctx: WorkspaceContext, p: Payload): Promise<FlowPublishTargetDto> {
  const [endpoint, to, from] = await Promise.all([
    findEndpoint(ctx.workspace.id, { id: p.endpointId }),
    findVersionToPublish(ctx.workspace.id, p.flowVersionId),
    findVersionToPublish(ctx.workspace.id, p.fromVersionId),
  ]);
  const slug = endpoint?.slug ?? "(deleted endpoint)";
  return {
    kind: "flow.publish",
    promptId: p.endpointId,
    promptName: slug,
    label: "endpoint",
    version: to?.version ?? 0,
    versionId: p.flowVersionId,
    fromVersion: from?.version ?? null,
    fromVersionId: p.fromVersionId,
    endpointId: p.endpointId,
    slug,
    flowId: endpoint?.flowId ?? to?.flowId ?? "",
    flowName: endpoint?.flowName ?? "",
    changes: governedChanges(from?.graph, to?.graph),
  };
}

type Body = Extract<z.output<typeof createChangeRequestSchema>, { kind: "flow.publish" }>;
type Applied = { before: EndpointRecord; after: EndpointRecord };

/**
 * Repointing an endpoint to a version that changes a model or a managed prompt: proposed by an
 * engineer, applied (in the deciding transaction) by the approval that completes it.
 */
export const flowPublishKind: ChangeKind<Body, Applied> = {
  kind: "flow.publish",
  async propose(ctx, body) {
    const endpointId = await endpointIdOf(ctx, body);
    return propose(ctx, { endpointId, flowVersionId: body.flowVersionId, title: body.title });
  },
  async revise(ctx, request, versionId) {
    const { endpointId } = parse(request.payload);
    const title = DEFAULT_TITLE.test(request.title) ? undefined : request.title;
    return propose(ctx, { endpointId, flowVersionId: versionId, title });
  },
  targets(ctx, payloads) {
    return Promise.all(payloads.map((payload) => target(ctx, parse(payload))));
  },
  async diff() {
    return null;
  },
  apply(ctx) {
    return async (tx, request) => {
      const p = parse(request.payload);
      const moved = await repointEndpointIn(tx, ctx.workspace.id, p.endpointId, p.flowVersionId);
      if (!moved) throw errors.conflict("The endpoint of this change request no longer exists.");
      return moved;
    };
  },
  async audited(ctx, request, applied) {
    await auditRepoint(ctx, applied.before, applied.after, request.id);
  },
};
