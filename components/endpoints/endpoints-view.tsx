"use client";

import { Globe, Plus } from "lucide-react";
import Link from "next/link";
import { useMemo, useState } from "react";
import { ApiKeysLink } from "@/components/endpoints/api-keys-link";
import { EndpointsTable } from "@/components/endpoints/endpoints-table";
import { PublishDialog } from "@/components/endpoints/publish-dialog";
import { ListError } from "@/components/settings/list-error";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton } from "@/components/ui/skeleton";
import { useEndpoints } from "@/lib/query/endpoints";

/** The Endpoints page: published flow versions with status and traffic; engineers publish and manage them. */
export function EndpointsView({
  workspaceId,
  canManage,
  canManageKeys,
}: {
  workspaceId: string;
  canManage: boolean;
  canManageKeys: boolean;
}) {
  const endpoints = useEndpoints(workspaceId);
  const [publishing, setPublishing] = useState(false);
  const taken = useMemo(
    () => new Set((endpoints.data ?? []).map((endpoint) => endpoint.slug)),
    [endpoints.data],
  );
  const publishButton = canManage && (
    <Button onClick={() => setPublishing(true)}>
      <Plus aria-hidden />
      Publish endpoint
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Endpoints"
        description="Published flow versions that other systems call over HTTP with an API key. Traffic covers the last 24 hours."
        actions={
          <>
            {canManageKeys && <ApiKeysLink />}
            {publishButton}
          </>
        }
      />
      {endpoints.isPending ? (
        <ListSkeleton label="Loading endpoints…" rows={3} />
      ) : endpoints.isError ? (
        <ListError
          what="endpoints"
          error={endpoints.error}
          onRetry={() => void endpoints.refetch()}
        />
      ) : endpoints.data.length === 0 ? (
        <EmptyState
          icon={Globe}
          title="No endpoints published"
          action={
            <>
              {publishButton}
              <Button asChild variant="outline">
                <Link href="/flows">Go to flows</Link>
              </Button>
            </>
          }
        >
          Save a version of a flow in the editor, then publish it here under a slug. Callers send
          the flow&apos;s input to <code className="font-mono">/api/v1/flows/&lt;slug&gt;/run</code>{" "}
          with an API key and get its output; you can switch versions, roll back or pause at any
          time.
          {!canManage && " Ask an engineer or an admin to publish one."}
        </EmptyState>
      ) : (
        <EndpointsTable
          workspaceId={workspaceId}
          endpoints={endpoints.data}
          canManage={canManage}
        />
      )}
      {canManage && (
        <PublishDialog
          workspaceId={workspaceId}
          takenSlugs={taken}
          open={publishing}
          onOpenChange={setPublishing}
        />
      )}
    </>
  );
}
