import type { z } from "zod";
import { findApprovalPolicy } from "@/lib/db/approval-policy";
import {
  createChangeRequest,
  findChangeRequest,
  listChangeRequests,
  listDecisions,
  type ChangeRequestRecord,
  type DecisionRecord,
} from "@/lib/db/change-requests";
import { listOpenHumanTasks } from "@/lib/db/human-tasks";
import {
  SELF_APPROVAL_MESSAGE,
  type ApprovalsSummaryDto,
  type changeRequestListQuerySchema,
  type ChangeRequestDetailDto,
  type ChangeRequestListDto,
  type ChangeRequestSummaryDto,
  type createChangeRequestSchema,
  type PermissionDto,
} from "@/lib/schemas/change-requests";
import { keysetPage } from "@/lib/schemas/list-query";
import { audit } from "../audit";
import { errors } from "../errors";
import { can } from "../permissions";
import type { WorkspaceContext } from "../workspace-context";
import { changeKind } from "./kinds";

/** Requests as lists show them, with their targets resolved in one batch per kind. */
export async function summaryDtos(
  ctx: WorkspaceContext,
  rows: ChangeRequestRecord[],
): Promise<ChangeRequestSummaryDto[]> {
  if (rows.length === 0) return [];
  const { requiredApprovals } = await findApprovalPolicy(ctx.workspace.id);
  const targets = new Map<string, ChangeRequestSummaryDto["target"]>();
  for (const kind of new Set(rows.map((r) => r.kind))) {
    const ofKind = rows.filter((r) => r.kind === kind);
    const resolved = await changeKind(kind).targets(
      ctx,
      ofKind.map((r) => r.payload),
    );
    ofKind.forEach((r, i) => targets.set(r.id, resolved[i]!));
  }
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as ChangeRequestSummaryDto["kind"],
    title: r.title,
    status: r.status,
    author: { id: r.authorId, name: r.authorName ?? "(removed user)" },
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    approvals: r.approvals,
    requiredApprovals,
    target: targets.get(r.id)!,
  }));
}

/** Whether the caller may approve or reject the request, and if not, why. */
function canDecide(
  ctx: WorkspaceContext,
  row: ChangeRequestRecord,
  decisions: DecisionRecord[],
): PermissionDto {
  const no = (reason: string) => ({ allowed: false, reason });
  if (row.status !== "open") return no(`This change request is ${row.status}.`);
  if (row.authorId === ctx.user.id) return no(SELF_APPROVAL_MESSAGE);
  if (!can(ctx.roles, "change.approve"))
    return no("Your role does not allow approving or rejecting changes.");
  if (decisions.some((d) => d.approverId === ctx.user.id && !d.invalidatedAt))
    return no("You have already decided this change request.");
  return { allowed: true, reason: null };
}

function canManage(ctx: WorkspaceContext, row: ChangeRequestRecord): PermissionDto {
  if (row.status !== "open")
    return { allowed: false, reason: `This change request is ${row.status}.` };
  if (row.authorId !== ctx.user.id)
    return { allowed: false, reason: "Only the author can revise or cancel a change request." };
  return { allowed: true, reason: null };
}

/** A request of the workspace, or 404. */
export async function requestOr404(
  ctx: WorkspaceContext,
  id: string,
): Promise<ChangeRequestRecord> {
  const row = await findChangeRequest(ctx.workspace.id, id);
  if (!row) throw errors.notFound("Change request");
  return row;
}

/** One request with its description, decisions, diff and what the caller may do. */
export async function changeRequestDetail(
  ctx: WorkspaceContext,
  id: string,
): Promise<ChangeRequestDetailDto> {
  const row = await requestOr404(ctx, id);
  const [[summary], decisions, diff] = await Promise.all([
    summaryDtos(ctx, [row]),
    listDecisions(ctx.workspace.id, id),
    changeKind(row.kind).diff(ctx, row.payload),
  ]);
  return {
    ...summary!,
    description: row.description,
    decisions: decisions.map((d) => ({
      id: d.id,
      approver: { id: d.approverId, name: d.approverName ?? "(removed user)" },
      decision: d.decision === "reject" ? "reject" : "approve",
      comment: d.comment,
      createdAt: d.createdAt.toISOString(),
      invalidatedAt: d.invalidatedAt?.toISOString() ?? null,
    })),
    canDecide: canDecide(ctx, row, decisions),
    canManage: canManage(ctx, row),
    diff,
  };
}

/** Opens a change request (audited `change_request.create`). */
export async function openChangeRequest(
  ctx: WorkspaceContext,
  body: z.output<typeof createChangeRequestSchema>,
): Promise<ChangeRequestDetailDto> {
  const proposed = await changeKind(body.kind).propose(ctx, body as never);
  const row = await createChangeRequest(ctx.workspace.id, {
    kind: body.kind,
    description: body.description,
    authorId: ctx.user.id,
    ...proposed,
  });
  const detail = await changeRequestDetail(ctx, row.id);
  await audit(
    ctx,
    "change_request.create",
    { type: "change_request", id: row.id },
    { after: { kind: row.kind, title: row.title, target: { ...detail.target } } },
  );
  return detail;
}

/** A page of the workspace's change requests, newest first. */
export async function changeRequestsOf(
  ctx: WorkspaceContext,
  query: z.output<typeof changeRequestListQuerySchema>,
): Promise<ChangeRequestListDto> {
  const rows = await listChangeRequests(ctx.workspace.id, {
    statuses: query.status,
    kind: query.kind,
    after: query.cursor,
    limit: query.limit + 1,
  });
  const page = keysetPage(rows, query.limit, (row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
  }));
  const items = rows.slice(0, query.limit);
  return { changeRequests: await summaryDtos(ctx, items), nextCursor: page.nextCursor };
}

/** Open requests about one target (a prompt), newest first. */
export async function openRequestsFor(
  ctx: WorkspaceContext,
  targetId: string,
): Promise<ChangeRequestSummaryDto[]> {
  const rows = await listChangeRequests(ctx.workspace.id, {
    statuses: ["open"],
    targetId,
    limit: 100,
  });
  return summaryDtos(ctx, rows);
}

/** What waits for the caller: open requests they may decide and open review tasks. */
export async function approvalsSummary(ctx: WorkspaceContext): Promise<ApprovalsSummaryDto> {
  const [requests, tasks] = await Promise.all([
    can(ctx.roles, "change.approve")
      ? listChangeRequests(ctx.workspace.id, {
          statuses: ["open"],
          decidableBy: ctx.user.id,
          limit: 100,
        })
      : [],
    can(ctx.roles, "humanTask.decide") ? listOpenHumanTasks(ctx.workspace.id) : [],
  ]);
  const changeRequests = await summaryDtos(ctx, requests);
  const humanTasks = tasks.map((t) => ({
    id: t.id,
    runId: t.runId,
    nodeId: t.nodeId,
    createdAt: t.createdAt.toISOString(),
  }));
  return { changeRequests, humanTasks, total: changeRequests.length + humanTasks.length };
}
