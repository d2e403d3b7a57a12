"use client";

import { Plug, Plus } from "lucide-react";
import { useState } from "react";
import { ConnectionCard } from "@/components/settings/connections/connection-card";
import { ConnectionFormDialog } from "@/components/settings/connections/connection-form-dialog";
import { ListError } from "@/components/settings/list-error";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingStatus, Skeleton } from "@/components/ui/skeleton";
import { useConnections } from "@/lib/query/connections";

function CardsSkeleton() {
  return (
    <LoadingStatus label="Loading connections…" className="grid gap-4 md:grid-cols-2">
      {[0, 1].map((index) => (
        <Skeleton key={index} className="h-56" />
      ))}
    </LoadingStatus>
  );
}

/** The Model connections settings page. */
export function ConnectionsView({ workspaceId }: { workspaceId: string }) {
  const connections = useConnections(workspaceId);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader
        title="Model connections"
        description="Where LLM steps send their calls. Keys are stored encrypted and never shown again; limits cap concurrency and request rate per connection."
        actions={
          <Button onClick={() => setAdding(true)}>
            <Plus aria-hidden />
            Add connection
          </Button>
        }
      />
      {connections.isPending ? (
        <CardsSkeleton />
      ) : connections.isError ? (
        <ListError
          what="connections"
          error={connections.error}
          onRetry={() => void connections.refetch()}
        />
      ) : connections.data.length === 0 ? (
        <EmptyState icon={Plug} title="No model connections">
          Use “Add connection” to connect OpenAI or an OpenAI-compatible server, so your flows can
          call a model.
        </EmptyState>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {connections.data.map((connection) => (
            <ConnectionCard key={connection.id} workspaceId={workspaceId} connection={connection} />
          ))}
        </div>
      )}
      <ConnectionFormDialog
        workspaceId={workspaceId}
        original={null}
        open={adding}
        onOpenChange={setAdding}
      />
    </>
  );
}
