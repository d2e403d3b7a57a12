import { isUniqueViolation } from "@/lib/db/errors";
import {
  createEndpoint,
  deleteEndpoint,
  findEndpoint,
  findVersionToPublish,
  listEndpoints,
  setEndpointStatus,
  setEndpointVersion,
  type EndpointRecord,
} from "@/lib/db/endpoints";
import type {
  EndpointDto,
  EndpointStatus,
  PublishApprovalDetails,
  PublishEndpointInput,
} from "@/lib/schemas/endpoints";
import { audit } from "../audit";
import { ApiError, errors } from "../errors";
import { runnableGraph } from "../runs/run-service";
import type { WorkspaceContext } from "../workspace-context";
import { endpointAuditView, toEndpointDto, toEndpointDtos } from "./dto";
import { governedChanges } from "./publish-changes";

/** An endpoint of the caller's workspace, or 404. */
export async function endpointOr404(ctx: WorkspaceContext, id: string): Promise<EndpointRecord> {
  const endpoint = await findEndpoint(ctx.workspace.id, { id });
  if (!endpoint) throw errors.notFound("Endpoint");
  return endpoint;
}

/** A saved version of the workspace that can run (400 with the flow's issues otherwise), or 404. */
export async function versionOr404(ctx: WorkspaceContext, flowVersionId: string) {
  const version = await findVersionToPublish(ctx.workspace.id, flowVersionId);
  if (!version) throw errors.notFound("Flow version");
  runnableGraph(version.graph);
  return version;
}

/** Endpoints of the workspace with their traffic over the last 24 hours. */
export async function listEndpointDtos(ctx: WorkspaceContext): Promise<EndpointDto[]> {
  return toEndpointDtos(ctx.workspace.id, await listEndpoints(ctx.workspace.id));
}

/** One endpoint with its traffic. */
export async function getEndpoint(ctx: WorkspaceContext, id: string): Promise<EndpointDto> {
  return toEndpointDto(await endpointOr404(ctx, id));
}

/** Publishes a saved version under a new slug (first publish: no approval); 409 when the slug is taken. */
export async function publishEndpoint(
  ctx: WorkspaceContext,
  input: PublishEndpointInput,
): Promise<EndpointDto> {
  const version = await versionOr404(ctx, input.flowVersionId);
  let endpoint: EndpointRecord;
  try {
    endpoint = await createEndpoint({
      workspaceId: ctx.workspace.id,
      slug: input.slug,
      flowId: version.flowId,
      flowVersionId: version.id,
      createdById: ctx.user.id,
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw errors.conflict(`The slug "${input.slug}" is taken; repoint that endpoint instead.`, {
      slug: input.slug,
    });
  }
  const target = { type: "endpoint", id: endpoint.id };
  await audit(ctx, "endpoint.publish", target, { after: endpointAuditView(endpoint) });
  return toEndpointDto(endpoint);
}

/**
 * Checks that an endpoint may move to a version: one of the same flow, not the one it serves.
 * Returns the endpoint, the version and the model or managed-prompt changes that need approval.
 */
export async function planRepoint(ctx: WorkspaceContext, id: string, flowVersionId: string) {
  const endpoint = await endpointOr404(ctx, id);
  const version = await versionOr404(ctx, flowVersionId);
  if (version.flowId !== endpoint.flowId)
    throw errors.badRequest(
      "Repoint to a version of the same flow; publish another flow under a new slug.",
    );
  if (version.id === endpoint.flowVersionId)
    throw errors.conflict(`The endpoint already serves version ${version.version}.`);
  const current = await findVersionToPublish(ctx.workspace.id, endpoint.flowVersionId);
  return { endpoint, version, changes: governedChanges(current?.graph, version.graph) };
}

/** Audits a repoint (direct or by an approved change request). */
export async function auditRepoint(
  ctx: WorkspaceContext,
  before: EndpointRecord,
  after: EndpointRecord,
  changeRequestId?: string,
): Promise<void> {
  await audit(
    ctx,
    "endpoint.repoint",
    { type: "endpoint", id: after.id },
    {
      before: endpointAuditView(before),
      after: { ...endpointAuditView(after), ...(changeRequestId ? { changeRequestId } : {}) },
    },
  );
}

/**
 * Serves another version of the same flow from now on (runs in flight finish on the old one).
 * When it changes a model or a managed prompt: 403 `approval_required`, to go through a
 * `flow.publish` change request.
 */
export async function repointEndpoint(
  ctx: WorkspaceContext,
  id: string,
  flowVersionId: string,
): Promise<EndpointDto> {
  const { endpoint, version, changes } = await planRepoint(ctx, id, flowVersionId);
  if (changes.length > 0) {
    const details: PublishApprovalDetails = { endpointId: id, flowVersionId, changes };
    throw new ApiError(
      403,
      "approval_required",
      `Version ${version.version} changes a model or a managed prompt of "${endpoint.slug}": open a change request (kind flow.publish) and have an approver approve it.`,
      details,
    );
  }
  const after = await setEndpointVersion(ctx.workspace.id, id, version.id);
  if (!after) throw errors.notFound("Endpoint");
  await auditRepoint(ctx, endpoint, after);
  return toEndpointDto(after);
}

/** Pauses (drain: new calls get 503, runs in flight finish) or resumes an endpoint; audited when it changes. */
export async function setEndpointState(
  ctx: WorkspaceContext,
  id: string,
  status: EndpointStatus,
): Promise<EndpointDto> {
  const before = await endpointOr404(ctx, id);
  if (before.status === status) return toEndpointDto(before);
  const after = await setEndpointStatus(ctx.workspace.id, id, status);
  if (!after) throw errors.notFound("Endpoint");
  const action = status === "paused" ? "endpoint.pause" : "endpoint.resume";
  await audit(
    ctx,
    action,
    { type: "endpoint", id },
    {
      before: endpointAuditView(before),
      after: endpointAuditView(after),
    },
  );
  return toEndpointDto(after);
}

/** Deletes an endpoint: its slug stops answering (404); its runs stay in history. */
export async function removeEndpoint(ctx: WorkspaceContext, id: string): Promise<void> {
  const before = await endpointOr404(ctx, id);
  if (!(await deleteEndpoint(ctx.workspace.id, id))) throw errors.notFound("Endpoint");
  await audit(
    ctx,
    "endpoint.delete",
    { type: "endpoint", id },
    { before: endpointAuditView(before) },
  );
}
