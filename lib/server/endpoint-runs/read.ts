import { findEndpoint } from "@/lib/db/endpoints";
import { loadRun } from "@/lib/db/runs";
import type { EndpointRunDto } from "@/lib/schemas/endpoint-runs";
import { canReach, type ApiCaller } from "../api-keys/authenticate";
import { errors } from "../errors";
import { toEndpointRunDto } from "./dto";

/** A run as the run API shows it to a key: 404 unless it is of the key's workspace and scope. */
export async function loadEndpointRun(caller: ApiCaller, runId: string): Promise<EndpointRunDto> {
  const run = await loadRun(runId, caller.workspaceId);
  const endpoint = run?.endpointId
    ? await findEndpoint(caller.workspaceId, { id: run.endpointId })
    : null;
  const visible =
    run && (run.apiKeyId === caller.keyId || (endpoint !== null && canReach(caller, endpoint)));
  if (!run || !visible) throw errors.notFound("Run");
  return toEndpointRunDto(run, endpoint?.slug ?? null);
}
