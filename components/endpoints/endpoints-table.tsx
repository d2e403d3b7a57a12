import Link from "next/link";
import { RelativeTime } from "@/components/approvals/relative-time";
import { formatRate } from "@/components/costs/format";
import { EndpointActions } from "@/components/endpoints/endpoint-actions";
import { EndpointStatusBadge } from "@/components/endpoints/endpoint-status-badge";
import { formatCount } from "@/components/flows/format";
import { cn } from "@/components/ui/cn";
import {
  ROW_LINK_CLASS,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { EndpointDto } from "@/lib/schemas/endpoints";

/** An error rate, red from 5 % up. */
function ErrorRate({ rate }: { rate: number | null }) {
  return (
    <span className={cn(rate !== null && rate >= 0.05 && "font-medium text-danger")}>
      {formatRate(rate)}
    </span>
  );
}

/** One endpoint: the slug's link covers the row; the actions menu sits above it. */
function EndpointRow({
  workspaceId,
  endpoint,
  canManage,
}: {
  workspaceId: string;
  endpoint: EndpointDto;
  canManage: boolean;
}) {
  const { traffic } = endpoint;
  return (
    <TableRow data-testid="endpoint-row" data-endpoint-slug={endpoint.slug} className="relative">
      <TableCell className="max-w-64">
        <Link
          href={`/endpoints/${encodeURIComponent(endpoint.id)}`}
          className={cn(ROW_LINK_CLASS, "font-mono font-medium break-all hover:underline")}
        >
          {endpoint.slug}
        </Link>
        <p className="mt-0.5 truncate font-mono text-xs text-muted-foreground">
          {endpoint.runPath}
        </p>
      </TableCell>
      <TableCell className="max-w-72">
        <p className="truncate font-medium">{endpoint.flowName}</p>
        <p className="truncate text-xs text-muted-foreground">
          <span className="font-mono" data-testid="endpoint-version">
            v{endpoint.version}
          </span>
          {endpoint.versionMessage ? ` · ${endpoint.versionMessage}` : ""}
        </p>
      </TableCell>
      <TableCell>
        <EndpointStatusBadge status={endpoint.status} />
      </TableCell>
      <TableCell className="text-right tabular-nums">{formatCount(traffic.runs)}</TableCell>
      <TableCell className="text-right tabular-nums">
        <ErrorRate rate={traffic.errorRate} />
      </TableCell>
      <TableCell className="text-right tabular-nums">{formatCount(traffic.inFlight)}</TableCell>
      <TableCell className="whitespace-nowrap text-muted-foreground">
        {traffic.lastCalledAt ? <RelativeTime iso={traffic.lastCalledAt} /> : "Never"}
      </TableCell>
      {canManage && (
        <TableCell className="relative z-10 text-right">
          <EndpointActions workspaceId={workspaceId} endpoint={endpoint} />
        </TableCell>
      )}
    </TableRow>
  );
}

/** The workspace's endpoints: slug, flow and version, status, 24 h traffic, error rate, in flight. */
export function EndpointsTable({
  workspaceId,
  endpoints,
  canManage,
}: {
  workspaceId: string;
  endpoints: EndpointDto[];
  canManage: boolean;
}) {
  return (
    <Table aria-label="Endpoints" data-testid="endpoints-table">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Endpoint</TableHead>
          <TableHead>Flow and version</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">
            Calls <span className="font-normal text-muted-foreground">24 h</span>
          </TableHead>
          <TableHead className="text-right">Error rate</TableHead>
          <TableHead className="text-right">In flight</TableHead>
          <TableHead>Last call</TableHead>
          {canManage && (
            <TableHead className="w-12">
              <span className="sr-only">Actions</span>
            </TableHead>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {endpoints.map((endpoint) => (
          <EndpointRow
            key={endpoint.id}
            workspaceId={workspaceId}
            endpoint={endpoint}
            canManage={canManage}
          />
        ))}
      </TableBody>
    </Table>
  );
}
