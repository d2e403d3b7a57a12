import type { z } from "zod";
import { findPromptVersion, savePromptVersion } from "@/lib/db/prompts-versions";
import { diffPromptVersions } from "@/lib/prompts/prompt-diff";
import type {
  PromptDiffDto,
  promptDiffQuerySchema,
  PromptVersionDto,
  savePromptVersionSchema,
} from "@/lib/schemas/prompt-library";
import { audit } from "../audit";
import { ApiError, errors } from "../errors";
import type { WorkspaceContext } from "../workspace-context";
import { versionDto } from "./dto";
import { promptOr404 } from "./library";

/** A version of a prompt by number or id, or 404. */
export async function versionOr404(
  ctx: WorkspaceContext,
  promptId: string,
  which: { version: number } | { id: string },
): Promise<PromptVersionDto> {
  await promptOr404(ctx, promptId);
  const row = await findPromptVersion(ctx.workspace.id, promptId, which);
  if (!row) throw errors.notFound("Prompt version");
  return versionDto(row);
}

/**
 * Saves the next immutable version (audited `prompt.version.create`); a model or parameters left
 * out are the base version's (a null model removes it). When a version was saved
 * after `baseVersion`, 409 `version_conflict` with `details.latestVersion` and nothing written.
 */
export async function saveVersion(
  ctx: WorkspaceContext,
  promptId: string,
  input: z.output<typeof savePromptVersionSchema>,
): Promise<PromptVersionDto> {
  const prompt = await promptOr404(ctx, promptId);
  const inherits = input.model === undefined || input.parameters === undefined;
  const base =
    inherits && input.baseVersion > 0
      ? await findPromptVersion(ctx.workspace.id, promptId, { version: input.baseVersion })
      : null;
  const baseDto = base && versionDto(base);
  const content = {
    template: input.template,
    model: input.model === undefined ? (baseDto?.model ?? null) : input.model,
    parameters: input.parameters ?? baseDto?.parameters ?? {},
    message: input.message,
  };
  const result = await savePromptVersion(ctx.workspace.id, promptId, {
    ...content,
    baseVersion: input.baseVersion,
    author: { id: ctx.user.id, name: ctx.user.name },
  });
  if (result.status === "not_found") throw errors.notFound("Prompt");
  if (result.status === "conflict") {
    const { latestVersion } = result;
    throw new ApiError(
      409,
      "version_conflict",
      `Someone saved version ${latestVersion} of "${prompt.name}" after the version you edited (${input.baseVersion}). Your text is kept; compare it with version ${latestVersion} before saving again.`,
      { latestVersion },
    );
  }
  const version = versionDto(result.version);
  await audit(
    ctx,
    "prompt.version.create",
    { type: "prompt", id: promptId },
    { after: { name: prompt.name, version: version.version, ...content } },
  );
  return version;
}

/** What changed from version `from` to version `to` of a prompt. */
export async function diffVersions(
  ctx: WorkspaceContext,
  promptId: string,
  query: z.output<typeof promptDiffQuerySchema>,
): Promise<PromptDiffDto> {
  const [from, to] = await Promise.all([
    versionOr404(ctx, promptId, { version: query.from }),
    versionOr404(ctx, promptId, { version: query.to }),
  ]);
  return diffPromptVersions(from, to);
}
