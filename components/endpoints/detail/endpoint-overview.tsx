import Link from "next/link";
import { RelativeTime } from "@/components/approvals/relative-time";
import { formatRate } from "@/components/costs/format";
import { EndpointStatusBadge } from "@/components/endpoints/endpoint-status-badge";
import { formatCount } from "@/components/flows/format";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Fact } from "@/components/ui/fact";
import type { EndpointDto } from "@/lib/schemas/endpoints";

/** An endpoint at a glance: status, the live version of its flow, and its traffic over 24 hours. */
export function EndpointOverview({ endpoint }: { endpoint: EndpointDto }) {
  const { traffic } = endpoint;
  return (
    <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
      <Card>
        <CardHeader className="pb-3">
          <CardTitle>Live version</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-2 gap-4" data-testid="endpoint-live-version">
            <Fact label="Status">
              <EndpointStatusBadge status={endpoint.status} />
            </Fact>
            <Fact label="Flow" valueClassName="break-words">
              <Link
                href={`/flows/${encodeURIComponent(endpoint.flowId)}`}
                className="underline-offset-4 hover:underline"
              >
                {endpoint.flowName}
              </Link>
            </Fact>
            <Fact label="Version" valueClassName="break-words">
              <span className="font-mono">v{endpoint.version}</span>
              <span className="block font-normal text-muted-foreground">
                {endpoint.versionMessage || "No message"}
              </span>
            </Fact>
            <Fact label="Last change">
              <RelativeTime iso={endpoint.updatedAt} />
            </Fact>
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader className="pb-3">
          <CardTitle>Last 24 hours</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-2 gap-4" data-testid="endpoint-traffic">
            <Fact label="Calls">{formatCount(traffic.runs)}</Fact>
            <Fact label="Error rate">
              {formatRate(traffic.errorRate)}
              <span className="block font-normal text-muted-foreground">
                {formatCount(traffic.failed)} failed of{" "}
                {formatCount(traffic.succeeded + traffic.failed)} finished
              </span>
            </Fact>
            <Fact label="In flight">{formatCount(traffic.inFlight)}</Fact>
            <Fact label="Last call">
              {traffic.lastCalledAt ? <RelativeTime iso={traffic.lastCalledAt} /> : "Never"}
            </Fact>
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}
