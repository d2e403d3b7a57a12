import type { EnginePorts } from "@/lib/engine";
import { httpPortForWorkspace } from "../http/workspace-http-port";
import { createLlmPort } from "../llm/llm-port";
import { createPromptsPort } from "../ports/prompts-port";
import { createSecretsPort } from "../ports/secrets-port";

/** The ports one run of a workspace uses (fresh per run: caches live for the run only). */
export function portsForRun(workspaceId: string): EnginePorts {
  return {
    llm: createLlmPort({ workspaceId }),
    http: httpPortForWorkspace(workspaceId),
    secrets: createSecretsPort(workspaceId),
    prompts: createPromptsPort(workspaceId),
  };
}
