import type { PromptRef, PromptsPort, ResolvedPrompt } from "@/lib/engine/context";
import { NodeError } from "@/lib/engine/errors";
import { modelRefSchema } from "@/lib/engine/graph";
import { parametersSchema } from "@/lib/nodes/shared/model-config";
import {
  findPromptIdByName,
  findPromptVersionByLabel,
  findPromptVersionByNumber,
  type PromptVersionRecord,
} from "@/lib/db/prompts";

function notFound(message: string, ref: PromptRef): NodeError {
  return new NodeError(message, "prompt_not_found", { retryable: false, details: ref });
}

function describe(ref: PromptRef): string {
  return "label" in ref ? `label "${ref.label}"` : `version ${ref.version}`;
}

async function lookup(workspaceId: string, ref: PromptRef): Promise<ResolvedPrompt> {
  const promptId = await findPromptIdByName(workspaceId, ref.name);
  if (!promptId) throw notFound(`Prompt "${ref.name}" does not exist in this workspace.`, ref);
  const row: PromptVersionRecord | null =
    "label" in ref
      ? await findPromptVersionByLabel(workspaceId, promptId, ref.label)
      : await findPromptVersionByNumber(workspaceId, promptId, ref.version);
  if (!row) throw notFound(`Prompt "${ref.name}" has no ${describe(ref)}.`, ref);
  const model = modelRefSchema.safeParse(row.model);
  const parameters = parametersSchema.safeParse(row.parameters);
  return {
    template: row.template,
    versionId: row.id,
    version: row.version,
    ...(model.success ? { model: model.data } : {}),
    ...(parameters.success ? { parameters: parameters.data } : {}),
  };
}

/**
 * The managed-prompts port of one run: resolves a label or a pinned version of a workspace's
 * prompt. Each reference is resolved once per run, so a label moved mid-run does not give two
 * nodes different versions; failures are not remembered.
 */
export function createPromptsPort(workspaceId: string): PromptsPort {
  const resolved = new Map<string, Promise<ResolvedPrompt>>();
  return {
    resolve(ref) {
      const key = JSON.stringify(["label" in ref ? "label" : "version", ref.name, describe(ref)]);
      let pending = resolved.get(key);
      if (!pending) {
        pending = lookup(workspaceId, ref);
        resolved.set(key, pending);
        pending.catch(() => resolved.delete(key));
      }
      return pending;
    },
  };
}
