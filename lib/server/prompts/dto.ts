import { modelRefSchema } from "@/lib/engine/graph";
import type { LabelMoveRecord } from "@/lib/db/prompts-labels";
import type { PromptVersionFull } from "@/lib/db/prompts-versions";
import { promptVariables } from "@/lib/prompts/template-variables";
import {
  promptParametersSchema,
  type PromptLabelMoveDto,
  type PromptVersionDto,
} from "@/lib/schemas/prompt-library";

/** A stored version as the API shows it; model and parameters that no longer parse show as none. */
export function versionDto(row: PromptVersionFull): PromptVersionDto {
  const model = modelRefSchema.safeParse(row.model);
  const parameters = promptParametersSchema.safeParse(row.parameters ?? {});
  return {
    id: row.id,
    version: row.version,
    template: row.template,
    model: model.success ? model.data : null,
    parameters: parameters.success ? parameters.data : {},
    message: row.message,
    authorName: row.authorName,
    createdAt: row.createdAt.toISOString(),
    variables: promptVariables(row.template),
  };
}

/** A label move as the history shows it. */
export function labelMoveDto(row: LabelMoveRecord): PromptLabelMoveDto {
  return {
    id: row.id,
    label: row.label,
    fromVersion: row.fromVersion,
    fromVersionId: row.fromVersionId,
    toVersion: row.toVersion,
    toVersionId: row.toVersionId,
    actorName: row.authorName,
    via: row.via,
    reason: row.reason,
    changeRequestId: row.changeRequestId,
    createdAt: row.createdAt.toISOString(),
  };
}
