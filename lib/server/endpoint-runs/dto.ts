import type { SettledRunRecord } from "@/lib/db/runs";
import type { EndpointRunDto } from "@/lib/schemas/endpoint-runs";

/** Path of the run API's status of a run. */
export function runStatusPath(runId: string): string {
  return `/api/v1/runs/${runId}`;
}

/** A run as the run API returns it (no input, no node details). */
export function toEndpointRunDto(
  run: SettledRunRecord,
  endpointSlug: string | null,
): EndpointRunDto {
  return {
    id: run.id,
    status: run.status,
    endpoint: endpointSlug,
    flowVersionId: run.flowVersionId,
    output: run.output ?? null,
    error: run.error ?? null,
    usage: { tokensIn: run.tokensIn, tokensOut: run.tokensOut, tokensCached: run.tokensCached },
    costUsd: run.costUsd,
    latencyMs: run.latencyMs,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    statusUrl: runStatusPath(run.id),
  };
}
