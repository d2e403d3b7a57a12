import { z } from "zod";
import { lockAndMoveLabelIn, type LabelMoved } from "@/lib/db/prompts-labels";
import { findLabelVersionId, findPromptNames } from "@/lib/db/prompts-library";
import { findPromptVersion, findVersionsByIds } from "@/lib/db/prompts-versions";
import { diffPromptVersions } from "@/lib/prompts/prompt-diff";
import type { createChangeRequestSchema } from "@/lib/schemas/change-requests";
import { audit } from "../../audit";
import { errors } from "../../errors";
import { versionDto } from "../../prompts/dto";
import { promptOr404 } from "../../prompts/library";
import type { WorkspaceContext } from "../../workspace-context";
import type { ChangeKind, ProposedChange } from "./types";

/** What a `prompt.label` request stores: move `label` of a prompt from one version to another. */
const payloadSchema = z.object({
  promptId: z.string(),
  label: z.string(),
  versionId: z.string(),
  fromVersionId: z.string().nullable(),
});
type Payload = z.output<typeof payloadSchema>;

const parse = (payload: unknown): Payload => payloadSchema.parse(payload);

const defaultTitle = (label: string, prompt: string, version: number) =>
  `Move ${label} of ${prompt} to version ${version}`;
/** Matches the titles `defaultTitle` writes, so a revision renames only those. */
const DEFAULT_TITLE = /^Move .+ of .+ to version \d+$/;

async function propose(
  ctx: WorkspaceContext,
  input: { promptId: string; label: string; versionId: string; title?: string },
): Promise<ProposedChange> {
  const workspaceId = ctx.workspace.id;
  const prompt = await promptOr404(ctx, input.promptId);
  const version = await findPromptVersion(workspaceId, prompt.id, { id: input.versionId });
  if (!version) throw errors.notFound("Prompt version");
  const fromVersionId = await findLabelVersionId(workspaceId, prompt.id, input.label);
  if (fromVersionId === version.id)
    throw errors.conflict(`"${input.label}" already points at version ${version.version}.`);
  const payload: Payload = {
    promptId: prompt.id,
    label: input.label,
    versionId: version.id,
    fromVersionId,
  };
  return {
    title: input.title || defaultTitle(input.label, prompt.name, version.version),
    payload,
    targetId: prompt.id,
  };
}

type Body = Extract<z.output<typeof createChangeRequestSchema>, { kind: "prompt.label" }>;

/** Moving a prompt label: proposed by editors, applied by the approval that completes it. */
export const promptLabelKind: ChangeKind<Body, LabelMoved> = {
  kind: "prompt.label",
  propose,
  async revise(ctx, request, versionId) {
    const { promptId, label } = parse(request.payload);
    const title = DEFAULT_TITLE.test(request.title) ? undefined : request.title;
    return propose(ctx, { promptId, label, versionId, title });
  },
  async targets(ctx, payloads) {
    const parsed = payloads.map(parse);
    const ids = parsed.flatMap((p) => [p.versionId, ...(p.fromVersionId ? [p.fromVersionId] : [])]);
    const [versions, names] = await Promise.all([
      findVersionsByIds(ctx.workspace.id, [...new Set(ids)]),
      findPromptNames(ctx.workspace.id, [...new Set(parsed.map((p) => p.promptId))]),
    ]);
    const number = new Map(versions.map((v) => [v.id, v.version]));
    return parsed.map((p) => ({
      promptId: p.promptId,
      promptName: names.get(p.promptId) ?? "(deleted prompt)",
      label: p.label,
      version: number.get(p.versionId) ?? 0,
      versionId: p.versionId,
      fromVersion: p.fromVersionId ? (number.get(p.fromVersionId) ?? null) : null,
      fromVersionId: p.fromVersionId,
    }));
  },
  async diff(ctx, payload) {
    const p = parse(payload);
    if (!p.fromVersionId) return null;
    const [from, to] = await Promise.all([
      findPromptVersion(ctx.workspace.id, p.promptId, { id: p.fromVersionId }),
      findPromptVersion(ctx.workspace.id, p.promptId, { id: p.versionId }),
    ]);
    return from && to ? diffPromptVersions(versionDto(from), versionDto(to)) : null;
  },
  apply(ctx) {
    return async (tx, request) => {
      const p = parse(request.payload);
      const moved = await lockAndMoveLabelIn(tx, ctx.workspace.id, p.promptId, {
        label: p.label,
        toVersionId: p.versionId,
        actorId: ctx.user.id,
        via: "change_request",
        reason: request.title,
        changeRequestId: request.id,
      });
      if (moved.status === "not_found")
        throw errors.conflict("The prompt of this change request no longer exists.");
      return moved;
    };
  },
  async audited(ctx, request, applied) {
    const p = parse(request.payload);
    const [target] = await promptLabelKind.targets(ctx, [
      { ...p, fromVersionId: applied.fromVersionId },
    ]);
    await audit(
      ctx,
      "prompt.label.move",
      { type: "prompt", id: p.promptId },
      {
        before: { prompt: target!.promptName, label: p.label, version: target!.fromVersion },
        after: {
          prompt: target!.promptName,
          label: p.label,
          version: target!.version,
          via: "change_request",
          changeRequestId: request.id,
        },
      },
    );
  },
};
