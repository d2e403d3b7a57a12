import { loadRun } from "@/lib/db/runs";
import type { EndpointRunDto } from "@/lib/schemas/endpoint-runs";
import { canReach, type ApiCaller } from "../api-keys/authenticate";
import { errors } from "../errors";
import { toEndpointRunDto } from "./dto";

/** A run as the run API shows it to a key: 404 unless it is of the key's workspace and scope. */
export async function loadEndpointRun(caller: ApiCaller, runId: string): Promise<EndpointRunDto> {
  const run = await loadRun(runId, caller.workspaceId);
  const endpointExists = run?.endpointId && run.endpointSlug !== null;
  const visible =
    run &&
    (run.apiKeyId === caller.keyId ||
      (endpointExists && canReach(caller, { id: run.endpointId!, workspaceId: run.workspaceId })));
  if (!run || !visible) throw errors.notFound("Run");
  return toEndpointRunDto(run, run.endpointSlug);
}
