import { endpointTraffic, type EndpointRecord } from "@/lib/db/endpoints";
import { endpointRunPath, type EndpointDto } from "@/lib/schemas/endpoints";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Endpoints as the management API returns them, with their traffic over the last 24 hours. */
export async function toEndpointDtos(
  workspaceId: string,
  records: EndpointRecord[],
  now = new Date(),
): Promise<EndpointDto[]> {
  const traffic = await endpointTraffic(
    workspaceId,
    records.map((r) => r.id),
    new Date(now.getTime() - DAY_MS),
  );
  return records.map((record) => {
    const t = traffic.get(record.id);
    const finished = (t?.succeeded ?? 0) + (t?.failed ?? 0);
    return {
      id: record.id,
      slug: record.slug,
      status: record.status,
      flowId: record.flowId,
      flowName: record.flowName,
      flowVersionId: record.flowVersionId,
      version: record.version,
      versionMessage: record.versionMessage,
      runPath: endpointRunPath(record.slug),
      createdAt: record.createdAt.toISOString(),
      updatedAt: record.updatedAt.toISOString(),
      traffic: {
        runs: t?.runs ?? 0,
        succeeded: t?.succeeded ?? 0,
        failed: t?.failed ?? 0,
        errorRate: finished > 0 ? (t?.failed ?? 0) / finished : null,
        inFlight: t?.inFlight ?? 0,
        lastCalledAt: t?.lastCalledAt ? new Date(t.lastCalledAt).toISOString() : null,
      },
    };
  });
}

/** One endpoint as the management API returns it. */
export async function toEndpointDto(record: EndpointRecord): Promise<EndpointDto> {
  return (await toEndpointDtos(record.workspaceId, [record]))[0]!;
}

/** What the audit log keeps of an endpoint (no secrets: endpoints have none). */
export function endpointAuditView(record: EndpointRecord) {
  return {
    slug: record.slug,
    status: record.status,
    flow: record.flowName,
    flowVersionId: record.flowVersionId,
    version: record.version,
  };
}
