"use client";

import { RelativeTime, Timestamp } from "@/components/approvals/relative-time";
import { RevokeApiKey } from "@/components/settings/api-keys/revoke-api-key";
import { formatDate, formatDateTime } from "@/components/settings/format";
import { formatCount } from "@/components/flows/format";
import { Badge } from "@/components/ui/badge";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { ApiKeyDto } from "@/lib/schemas/api-keys";

/** Which endpoints a key reaches: "All endpoints" or their slugs. */
function Scope({ apiKey }: { apiKey: ApiKeyDto }) {
  if (apiKey.allEndpoints) return <Badge variant="info">All endpoints</Badge>;
  if (apiKey.endpoints.length === 0)
    return <span className="text-xs text-muted-foreground">No endpoints left</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label={`Endpoints of ${apiKey.name}`}>
      {apiKey.endpoints.map((endpoint) => (
        <li key={endpoint.id}>
          <Badge variant="outline" className="font-mono">
            {endpoint.slug}
          </Badge>
        </li>
      ))}
    </ul>
  );
}

/** The workspace's API keys: name, prefix, scope, limit, creator, last use, status and Revoke. */
export function ApiKeysTable({
  workspaceId,
  apiKeys,
}: {
  workspaceId: string;
  apiKeys: ApiKeyDto[];
}) {
  return (
    <Table aria-label="API keys" data-testid="api-keys-table">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Name</TableHead>
          <TableHead>Key</TableHead>
          <TableHead>Scope</TableHead>
          <TableHead className="text-right">Limit / min</TableHead>
          <TableHead>Created</TableHead>
          <TableHead>Last used</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="w-24">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {apiKeys.map((apiKey) => {
          const revoked = apiKey.status === "revoked";
          return (
            <TableRow
              key={apiKey.id}
              data-testid="api-key-row"
              data-api-key-name={apiKey.name}
              className={revoked ? "text-muted-foreground" : undefined}
            >
              <TableCell className="font-medium">{apiKey.name}</TableCell>
              <TableCell className="font-mono text-xs whitespace-nowrap">
                {apiKey.prefix}…
              </TableCell>
              <TableCell className="max-w-64">
                <Scope apiKey={apiKey} />
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatCount(apiKey.rateLimitPerMinute)}
              </TableCell>
              <TableCell className="whitespace-nowrap">
                <Timestamp iso={apiKey.createdAt} format={formatDate} />
                <span className="block text-xs text-muted-foreground">
                  by {apiKey.createdBy?.name ?? "a removed user"}
                </span>
              </TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">
                {apiKey.lastUsedAt ? <RelativeTime iso={apiKey.lastUsedAt} /> : "Never"}
              </TableCell>
              <TableCell>
                {revoked ? (
                  <Badge variant="secondary" data-testid="api-key-status">
                    Revoked
                    {apiKey.revokedAt && (
                      <span className="sr-only"> on {formatDateTime(apiKey.revokedAt)}</span>
                    )}
                  </Badge>
                ) : (
                  <Badge variant="success" data-testid="api-key-status">
                    Active
                  </Badge>
                )}
              </TableCell>
              <TableCell className="text-right">
                {!revoked && <RevokeApiKey workspaceId={workspaceId} apiKey={apiKey} />}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
