import { loadRun, type SettledRunRecord } from "@/lib/db/runs";
import type { EndpointRunDto } from "@/lib/schemas/endpoint-runs";
import { canReach, type ApiCaller } from "../api-keys/authenticate";
import { errors } from "../errors";
import { toEndpointRunDto } from "./dto";
import { awaitRun } from "../runs/await-run";

/** The run API view of a run: 404 unless it is of the key's workspace and scope. */
function visibleRun(caller: ApiCaller, run: SettledRunRecord | null): EndpointRunDto {
  const endpointExists = run?.endpointId && run.endpointSlug !== null;
  const visible =
    run &&
    run.workspaceId === caller.workspaceId &&
    (run.apiKeyId === caller.keyId ||
      (endpointExists && canReach(caller, { id: run.endpointId!, workspaceId: run.workspaceId })));
  if (!run || !visible) throw errors.notFound("Run");
  return toEndpointRunDto(run, run.endpointSlug);
}

/** A run as the run API shows it to a key: 404 unless it is of the key's workspace and scope. */
export async function loadEndpointRun(caller: ApiCaller, runId: string): Promise<EndpointRunDto> {
  return visibleRun(caller, await loadRun(runId, caller.workspaceId));
}

/**
 * A run once it settled or after `waitMs` ({@link awaitRun}), as the run API shows it: the run as
 * it was stored when it settled in this process, else read back.
 */
export async function settledEndpointRun(
  caller: ApiCaller,
  runId: string,
  waitMs: number,
): Promise<EndpointRunDto> {
  const settled = await awaitRun(runId, waitMs);
  return settled ? visibleRun(caller, settled) : loadEndpointRun(caller, runId);
}
