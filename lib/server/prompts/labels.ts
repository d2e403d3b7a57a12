import type { z } from "zod";
import { findApprovalPolicy } from "@/lib/db/approval-policy";
import {
  deleteLabel as deleteLabelRow,
  listLabelMoves,
  moveLabel,
  type LabelMoveMode,
} from "@/lib/db/prompts-labels";
import { findPromptVersion, findVersionsByIds } from "@/lib/db/prompts-versions";
import {
  BUILT_IN_LABELS,
  type createLabelSchema,
  type PromptDetailDto,
  type PromptLabelMoveDto,
  type rollbackLabelSchema,
} from "@/lib/schemas/prompt-library";
import { audit } from "../audit";
import { errors } from "../errors";
import { governanceErrors } from "../governance/errors";
import { isProtected } from "../governance/policy";
import type { WorkspaceContext } from "../workspace-context";
import { labelMoveDto } from "./dto";
import { promptDetail, promptOr404 } from "./library";

const isBuiltIn = (label: string) => (BUILT_IN_LABELS as readonly string[]).includes(label);

/** The version (of this prompt) a label should point at, or 404. */
async function versionOfPrompt(ctx: WorkspaceContext, promptId: string, versionId: string) {
  const version = await findPromptVersion(ctx.workspace.id, promptId, { id: versionId });
  if (!version) throw errors.notFound("Prompt version");
  return version;
}

/** Version numbers by id, for audit snapshots. */
async function numbers(ctx: WorkspaceContext, ids: (string | null)[]) {
  const rows = await findVersionsByIds(
    ctx.workspace.id,
    ids.filter((id) => id !== null),
  );
  return new Map(rows.map((r) => [r.id, r.version]));
}

/** Moves an unprotected label directly (creating it for `create`, or a built-in one), audited. */
async function moveDirect(
  ctx: WorkspaceContext,
  promptId: string,
  label: string,
  versionId: string,
  mode: LabelMoveMode,
): Promise<PromptDetailDto> {
  const prompt = await promptOr404(ctx, promptId);
  const policy = await findApprovalPolicy(ctx.workspace.id);
  if (isProtected(policy, label)) throw governanceErrors.approvalRequired(label);
  await versionOfPrompt(ctx, promptId, versionId);
  const input = { label, toVersionId: versionId, actorId: ctx.user.id, via: "direct" as const };
  const result = await moveLabel(ctx.workspace.id, promptId, input, mode);
  if (result.status === "label_exists")
    throw errors.conflict(`"${prompt.name}" already has a label "${label}".`);
  if (result.status !== "moved") throw errors.notFound("Label");
  if (result.fromVersionId !== result.toVersionId) {
    const v = await numbers(ctx, [result.fromVersionId, result.toVersionId]);
    await audit(
      ctx,
      mode === "create" ? "prompt.label.create" : "prompt.label.move",
      { type: "prompt", id: promptId },
      {
        before: { prompt: prompt.name, label, version: v.get(result.fromVersionId ?? "") ?? null },
        after: { prompt: prompt.name, label, version: v.get(versionId), via: "direct" },
      },
    );
  }
  return promptDetail(ctx, promptId);
}

/** Creates a custom, unprotected label pointing at a version (protected: 403 approval_required). */
export function createLabel(
  ctx: WorkspaceContext,
  promptId: string,
  input: z.output<typeof createLabelSchema>,
): Promise<PromptDetailDto> {
  return moveDirect(ctx, promptId, input.name, input.versionId, "create");
}

/** Moves an unprotected label (protected: 403 approval_required); built-in labels need no creating. */
export function moveUnprotectedLabel(
  ctx: WorkspaceContext,
  promptId: string,
  label: string,
  versionId: string,
): Promise<PromptDetailDto> {
  return moveDirect(ctx, promptId, label, versionId, isBuiltIn(label) ? "upsert" : "move");
}

/** Deletes a custom, unprotected label (audited). */
export async function deleteLabel(
  ctx: WorkspaceContext,
  promptId: string,
  label: string,
): Promise<PromptDetailDto> {
  const prompt = await promptOr404(ctx, promptId);
  if (isBuiltIn(label))
    throw errors.badRequest(`"${label}" is a built-in label; move it instead of deleting it.`);
  if (isProtected(await findApprovalPolicy(ctx.workspace.id), label))
    throw governanceErrors.approvalRequired(label);
  const versionId = await deleteLabelRow(ctx.workspace.id, promptId, label);
  if (!versionId) throw errors.notFound("Label");
  const v = await numbers(ctx, [versionId]);
  await audit(
    ctx,
    "prompt.label.delete",
    { type: "prompt", id: promptId },
    { before: { prompt: prompt.name, label, version: v.get(versionId) ?? null } },
  );
  return promptDetail(ctx, promptId);
}

/** A label's moves, newest first (the rollback picker offers their versions). */
export async function labelHistory(
  ctx: WorkspaceContext,
  promptId: string,
  label: string,
): Promise<PromptLabelMoveDto[]> {
  await promptOr404(ctx, promptId);
  return (await listLabelMoves(ctx.workspace.id, promptId, label)).map(labelMoveDto);
}

/**
 * Emergency rollback by an approver: moves the label at once to a version it pointed at before,
 * with a reason (audited `prompt.label.rollback`); protected labels included, no request needed.
 */
export async function rollbackLabel(
  ctx: WorkspaceContext,
  promptId: string,
  label: string,
  input: z.output<typeof rollbackLabelSchema>,
): Promise<PromptDetailDto> {
  const prompt = await promptOr404(ctx, promptId);
  const target = await versionOfPrompt(ctx, promptId, input.versionId);
  const move = { label, toVersionId: target.id, actorId: ctx.user.id, reason: input.reason };
  const result = await moveLabel(
    ctx.workspace.id,
    promptId,
    { ...move, via: "rollback" },
    "rollback",
  );
  if (result.status === "unchanged")
    throw errors.conflict(`"${label}" already points at version ${target.version}.`);
  if (result.status === "not_a_past_target")
    throw errors.badRequest(
      `"${label}" never pointed at version ${target.version}; a rollback returns to a version the label pointed at before.`,
    );
  if (result.status !== "moved") throw errors.notFound("Label");
  const v = await numbers(ctx, [result.fromVersionId]);
  await audit(
    ctx,
    "prompt.label.rollback",
    { type: "prompt", id: promptId },
    {
      before: { prompt: prompt.name, label, version: v.get(result.fromVersionId ?? "") ?? null },
      after: { prompt: prompt.name, label, version: target.version, reason: input.reason },
    },
  );
  return promptDetail(ctx, promptId);
}
