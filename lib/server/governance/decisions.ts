import type { z } from "zod";
import { findApprovalPolicy } from "@/lib/db/approval-policy";
import {
  cancelChangeRequest,
  decideChangeRequest,
  reviseChangeRequest,
  type TransitionRefusal,
} from "@/lib/db/change-requests-decide";
import type { ChangeRequestRecord } from "@/lib/db/change-requests";
import type {
  ChangeRequestDetailDto,
  decisionSchema,
  reviseChangeRequestSchema,
} from "@/lib/schemas/change-requests";
import { audit } from "../audit";
import { errors } from "../errors";
import type { WorkspaceContext } from "../workspace-context";
import { changeRequestDetail, requestOr404, summaryDtos } from "./change-requests";
import { governanceErrors } from "./errors";
import { changeKind } from "./kinds";

function refused(outcome: TransitionRefusal): never {
  if (outcome.status === "not_found") throw errors.notFound("Change request");
  throw governanceErrors.notOpen(outcome.current);
}

const target = (row: ChangeRequestRecord) => ({ type: "change_request", id: row.id });

async function authorOnly(ctx: WorkspaceContext, id: string): Promise<ChangeRequestRecord> {
  const row = await requestOr404(ctx, id);
  if (row.authorId !== ctx.user.id)
    throw errors.forbidden("Only the author can revise or cancel a change request.");
  return row;
}

/**
 * An approver's decision (the route checks `change.approve`): never the author's own request
 * (403 `self_approval`, admins included), only while open and once per approver (409
 * `already_decided`). The approval that reaches the policy's count applies the change in the
 * same transaction. Audited `change_request.approve`/`reject`, then `change_request.apply`.
 */
export async function decide(
  ctx: WorkspaceContext,
  id: string,
  body: z.output<typeof decisionSchema>,
): Promise<ChangeRequestDetailDto> {
  const row = await requestOr404(ctx, id);
  if (row.authorId === ctx.user.id) throw governanceErrors.selfApproval();
  const kind = changeKind(row.kind);
  const { requiredApprovals } = await findApprovalPolicy(ctx.workspace.id);
  const outcome = await decideChangeRequest(
    ctx.workspace.id,
    id,
    { approverId: ctx.user.id, decision: body.decision, comment: body.comment },
    { requiredApprovals, apply: kind.apply(ctx) },
  );
  if (outcome.status === "duplicate") throw governanceErrors.duplicateDecision();
  if (outcome.status !== "done") refused(outcome);
  const { request, result } = outcome;
  const detail = await changeRequestDetail(ctx, id);
  await audit(ctx, `change_request.${body.decision}`, target(request), {
    before: { status: row.status, approvals: row.approvals },
    after: {
      title: request.title,
      comment: body.comment,
      status: request.status,
      approvals: request.approvals,
      requiredApprovals,
    },
  });
  if (result.applied !== null) {
    await audit(ctx, "change_request.apply", target(request), {
      after: { title: request.title, kind: request.kind, target: { ...detail.target } },
    });
    await kind.audited(ctx, request, result.applied);
  }
  return detail;
}

/**
 * The author points their open request at another version; every approval so far is
 * invalidated and no longer counts (audited `change_request.revise`).
 */
export async function revise(
  ctx: WorkspaceContext,
  id: string,
  body: z.output<typeof reviseChangeRequestSchema>,
): Promise<ChangeRequestDetailDto> {
  const row = await authorOnly(ctx, id);
  const [before] = await summaryDtos(ctx, [row]);
  const proposed = await changeKind(row.kind).revise(ctx, row, body.versionId);
  const outcome = await reviseChangeRequest(ctx.workspace.id, id, proposed);
  if (outcome.status !== "done") refused(outcome);
  const detail = await changeRequestDetail(ctx, id);
  await audit(ctx, "change_request.revise", target(row), {
    before: { title: row.title, target: { ...before!.target }, approvals: row.approvals },
    after: {
      title: detail.title,
      target: { ...detail.target },
      invalidatedDecisions: outcome.result,
    },
  });
  return detail;
}

/** The author withdraws their open request (audited `change_request.cancel`). */
export async function cancel(ctx: WorkspaceContext, id: string): Promise<ChangeRequestDetailDto> {
  const row = await authorOnly(ctx, id);
  const outcome = await cancelChangeRequest(ctx.workspace.id, id);
  if (outcome.status !== "done") refused(outcome);
  await audit(ctx, "change_request.cancel", target(row), {
    before: { title: row.title, status: row.status },
    after: { title: row.title, status: "cancelled" },
  });
  return changeRequestDetail(ctx, id);
}
