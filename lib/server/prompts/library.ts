import type { z } from "zod";
import { findApprovalPolicy, type ApprovalPolicyRecord } from "@/lib/db/approval-policy";
import { listPromptSummaries } from "@/lib/db/prompts";
import {
  createPromptWithVersion,
  findPrompt,
  listPromptLabels,
  listPromptVersions,
  updatePromptDescription,
  type PromptLabelRecord,
  type PromptRecord,
} from "@/lib/db/prompts-library";
import { findPromptVersion } from "@/lib/db/prompts-versions";
import { isUniqueViolation } from "@/lib/db/errors";
import {
  BUILT_IN_LABELS,
  type createPromptSchema,
  type PromptDetailDto,
  type PromptLabelDto,
  type updatePromptSchema,
} from "@/lib/schemas/prompt-library";
import type { PromptSummaryDto } from "@/lib/schemas/prompts";
import { audit } from "../audit";
import { errors } from "../errors";
import { openRequestsFor } from "../governance/change-requests";
import { isProtected } from "../governance/policy";
import type { WorkspaceContext } from "../workspace-context";
import { versionDto } from "./dto";

/** The active workspace's managed prompts with their labels and latest version. */
export function promptsOf(ctx: WorkspaceContext): Promise<PromptSummaryDto[]> {
  return listPromptSummaries(ctx.workspace.id);
}

/** A prompt of the active workspace, or 404. */
export async function promptOr404(ctx: WorkspaceContext, promptId: string): Promise<PromptRecord> {
  const prompt = await findPrompt(ctx.workspace.id, promptId);
  if (!prompt) throw errors.notFound("Prompt");
  return prompt;
}

function labelDtos(labels: PromptLabelRecord[], policy: ApprovalPolicyRecord): PromptLabelDto[] {
  const builtIn = new Set<string>(BUILT_IN_LABELS);
  const missing = BUILT_IN_LABELS.filter((name) => !labels.some((l) => l.name === name));
  const set = labels.map((l) => ({
    name: l.name,
    version: l.version,
    versionId: l.versionId,
    updatedAt: l.updatedAt.toISOString(),
  }));
  const unset = missing.map((name) => ({ name, version: null, versionId: null, updatedAt: null }));
  return [...set, ...unset]
    .map((l) => ({ ...l, protected: isProtected(policy, l.name), builtIn: builtIn.has(l.name) }))
    .sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name));
}

/** A prompt with its labels (built-ins first), versions, latest version and open change requests. */
export async function promptDetail(
  ctx: WorkspaceContext,
  promptId: string,
): Promise<PromptDetailDto> {
  const prompt = await promptOr404(ctx, promptId);
  const workspaceId = ctx.workspace.id;
  const [versions, labels, policy, openChangeRequests] = await Promise.all([
    listPromptVersions(workspaceId, promptId),
    listPromptLabels(workspaceId, promptId),
    findApprovalPolicy(workspaceId),
    openRequestsFor(ctx, promptId),
  ]);
  const latestId = versions[0]?.id;
  const latest = latestId ? await findPromptVersion(workspaceId, promptId, { id: latestId }) : null;
  return {
    id: prompt.id,
    name: prompt.name,
    description: prompt.description,
    createdAt: prompt.createdAt.toISOString(),
    updatedAt: prompt.updatedAt.toISOString(),
    labels: labelDtos(labels, policy),
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      message: v.message,
      authorName: v.authorName,
      createdAt: v.createdAt.toISOString(),
      labels: labels.filter((l) => l.versionId === v.id).map((l) => l.name),
    })),
    latest: latest ? versionDto(latest) : null,
    openChangeRequests,
  };
}

/** Creates a prompt with its version 1 (audited `prompt.create`); a taken name is 409. */
export async function createPrompt(
  ctx: WorkspaceContext,
  input: z.output<typeof createPromptSchema>,
): Promise<PromptDetailDto> {
  const version = {
    template: input.template,
    model: input.model ?? null,
    parameters: input.parameters ?? {},
    message: input.message,
  };
  const prompt = await createPromptWithVersion(ctx.workspace.id, {
    name: input.name,
    description: input.description,
    authorId: ctx.user.id,
    version,
  }).catch((error: unknown) => {
    if (isUniqueViolation(error))
      throw errors.conflict(`A prompt named "${input.name}" already exists in this workspace.`);
    throw error;
  });
  await audit(
    ctx,
    "prompt.create",
    { type: "prompt", id: prompt.id },
    { after: { name: prompt.name, description: prompt.description, version: 1, ...version } },
  );
  return promptDetail(ctx, prompt.id);
}

/** Changes a prompt's description (audited `prompt.update`). */
export async function updatePrompt(
  ctx: WorkspaceContext,
  promptId: string,
  input: z.output<typeof updatePromptSchema>,
): Promise<PromptDetailDto> {
  const before = await promptOr404(ctx, promptId);
  const after = await updatePromptDescription(ctx.workspace.id, promptId, input.description);
  if (!after) throw errors.notFound("Prompt");
  await audit(
    ctx,
    "prompt.update",
    { type: "prompt", id: promptId },
    {
      before: { name: before.name, description: before.description },
      after: { name: after.name, description: after.description },
    },
  );
  return promptDetail(ctx, promptId);
}
