import { z } from "zod";
import { modelRefSchema, type ModelRef } from "@/lib/engine/graph";
import { parametersSchema } from "@/lib/nodes/shared/model-config";
import { templateErrors } from "@/lib/prompts/template-issues";
import type { DiffLine } from "@/lib/text/line-diff";
import type { DiffField } from "./flows";
import type { ChangeRequestSummaryDto } from "./change-requests";

/**
 * The prompt library API (issue 6). Responses: GET/PATCH /api/prompts/:id, POST /api/prompts
 * (201), label create/move/delete and rollback answer `{ prompt: PromptDetailDto }`;
 * GET /api/prompts/:id/versions/:version and POST /api/prompts/:id/versions (201) answer
 * `{ version: PromptVersionDto }`; GET /api/prompts/:id/diff answers a PromptDiffDto;
 * GET /api/prompts/:id/labels/:label/history answers `{ moves: PromptLabelMoveDto[] }`.
 */

/** JSON body limit of the prompt routes that carry a template (a bigger body gets 413). */
export const PROMPT_BODY_LIMIT = 512 * 1024;

/** Labels every prompt has conceptually (listed even before they point at a version). */
export const BUILT_IN_LABELS = ["production", "staging"] as const;

/** A prompt name: lower-case, slug-like, unique in the workspace. */
export const promptNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,79}$/, {
    message:
      "Use 1-80 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit",
  });

/** A label name: lower-case, starting with a letter. */
export const labelNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, {
    message: "Use 1-40 lower-case letters, digits, '_' or '-', starting with a letter",
  });

const descriptionSchema = z.string().trim().max(2_000, { message: "Use at most 2000 characters" });
const recordId = z.string().min(1).max(64);
const versionNumber = z.coerce.number().int().min(1).max(2_147_483_647);

/**
 * A prompt template: refused when `templateIssues` finds an error (too long, unbalanced
 * braces, `__proto__`/`constructor`/`prototype`); each becomes a field issue "Line L, column C: ...".
 */
export const promptTemplateSchema = z.string().superRefine((template, ctx) => {
  for (const issue of templateErrors(template))
    ctx.addIssue({
      code: "custom",
      message: `Line ${issue.line}, column ${issue.column}: ${issue.message}`,
    });
});

/** A version's sampling parameters: the same shape the LLM node accepts. */
export const promptParametersSchema = parametersSchema;
/** Sampling parameters of a version. */
export type PromptParameters = z.output<typeof promptParametersSchema>;

const versionContent = {
  template: promptTemplateSchema,
  model: modelRefSchema.nullable().optional(),
  parameters: promptParametersSchema.optional(),
};
const versionMessage = z.string().trim().max(500, { message: "Use at most 500 characters" });

/** POST /api/prompts: a new prompt with its version 1. */
export const createPromptSchema = z.strictObject({
  name: promptNameSchema,
  description: descriptionSchema.default(""),
  ...versionContent,
  message: versionMessage.default("First version"),
});

/** PATCH /api/prompts/:id. */
export const updatePromptSchema = z.strictObject({ description: descriptionSchema });

/**
 * POST /api/prompts/:id/versions. `baseVersion` is the latest version the editor saw (0 for a
 * prompt without versions); when another version was saved since, 409 `version_conflict` with
 * `details.latestVersion` and nothing is written. `model` and `parameters` left out are copied
 * from the base version; `model: null` saves a version without a model.
 */
export const savePromptVersionSchema = z.strictObject({
  ...versionContent,
  message: versionMessage.min(1, { message: "Describe what changed" }),
  baseVersion: z.int().min(0).max(2_147_483_647),
});

/** GET /api/prompts/:id/diff?from=N&to=M (version numbers). */
export const promptDiffQuerySchema = z.object({ from: versionNumber, to: versionNumber });

/** POST /api/prompts/:id/labels: a custom, unprotected label (protected: 403 approval_required). */
export const createLabelSchema = z.strictObject({ name: labelNameSchema, versionId: recordId });

/** PUT /api/prompts/:id/labels/:label: move an unprotected label (protected: 403 approval_required). */
export const moveLabelSchema = z.strictObject({ versionId: recordId });

/** POST /api/prompts/:id/labels/:label/rollback: an approver's emergency move back. */
export const rollbackLabelSchema = z.strictObject({
  versionId: recordId,
  reason: z
    .string()
    .trim()
    .min(10, { message: "Explain the rollback in at least 10 characters" })
    .max(2_000, { message: "Use at most 2000 characters" }),
});

/** Path parameters of /api/prompts/:id/versions/:version. */
export const promptVersionParams = z.object({ id: recordId, version: versionNumber });

/** Path parameters of /api/prompts/:id/labels/:label. */
export const promptLabelParams = z.object({ id: recordId, label: labelNameSchema });

/** A label of a prompt; a built-in label that points nowhere yet has null version fields. */
export interface PromptLabelDto {
  name: string;
  version: number | null;
  versionId: string | null;
  /** Protected by the workspace's approval policy: moves need an approved change request. */
  protected: boolean;
  builtIn: boolean;
  updatedAt: string | null;
}

/** A version as a prompt's history lists it, with the labels pointing at it. */
export interface PromptVersionSummaryDto {
  id: string;
  version: number;
  message: string;
  authorName: string | null;
  createdAt: string;
  labels: string[];
}

/** One immutable version with its content and the variables its template reads. */
export interface PromptVersionDto {
  id: string;
  version: number;
  template: string;
  model: ModelRef | null;
  parameters: PromptParameters;
  message: string;
  authorName: string | null;
  createdAt: string;
  variables: string[];
}

/** A prompt with its labels, versions (newest first), latest version and open change requests. */
export interface PromptDetailDto {
  id: string;
  name: string;
  description: string;
  createdAt: string;
  updatedAt: string;
  labels: PromptLabelDto[];
  versions: PromptVersionSummaryDto[];
  /** Null only for a prompt without versions (never one made through the API). */
  latest: PromptVersionDto | null;
  openChangeRequests: ChangeRequestSummaryDto[];
}

/** How a label moved: directly (unprotected), by an applied change request, or by a rollback. */
export type LabelMoveVia = "direct" | "change_request" | "rollback";

/** One move of a label (history, newest first); this history defines rollback targets. */
export interface PromptLabelMoveDto {
  id: string;
  label: string;
  fromVersion: number | null;
  fromVersionId: string | null;
  toVersion: number;
  toVersionId: string;
  actorName: string | null;
  via: LabelMoveVia;
  reason: string | null;
  changeRequestId: string | null;
  createdAt: string;
}

/** One side of a prompt diff. */
export interface PromptDiffSideDto {
  id: string;
  version: number;
  message: string;
  authorName: string | null;
  createdAt: string;
}

/**
 * What changed from one version to another: the template's lines (render side by side with
 * `sideBySideRows`, or inline as they are) and the model and parameter fields that differ
 * (paths like `model.model`, `parameters.temperature`).
 */
export interface PromptDiffDto {
  from: PromptDiffSideDto;
  to: PromptDiffSideDto;
  template: DiffLine[];
  fields: DiffField[];
  /** True when neither the template nor any field differs. */
  identical: boolean;
}
