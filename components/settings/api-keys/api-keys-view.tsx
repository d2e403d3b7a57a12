"use client";

import { KeyRound, Plus } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { ApiKeysTable } from "@/components/settings/api-keys/api-keys-table";
import { CreateApiKeyDialog } from "@/components/settings/api-keys/create-api-key-dialog";
import { ListError } from "@/components/settings/list-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton } from "@/components/ui/skeleton";
import { useApiKeys } from "@/lib/query/api-keys";

/** The API keys settings page: keys with scope and last use; create (secret shown once) and revoke. */
export function ApiKeysView({ workspaceId }: { workspaceId: string }) {
  const apiKeys = useApiKeys(workspaceId);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Keys other systems use to call your{" "}
            <Link className="underline" href="/endpoints">
              endpoints
            </Link>
            .
          </>
        }
        actions={
          <Button onClick={() => setCreating(true)}>
            <Plus aria-hidden />
            Create API key
          </Button>
        }
      />
      <Alert className="mb-6" title="Secrets are shown once">
        Trellis stores only a hash of each key; a key reaches only this workspace&apos;s endpoints
        in its scope. Revoke a key you no longer need, or one that may have leaked: it stops working
        at once.
      </Alert>
      {apiKeys.isPending ? (
        <ListSkeleton label="Loading API keys…" rows={3} />
      ) : apiKeys.isError ? (
        <ListError what="API keys" error={apiKeys.error} onRetry={() => void apiKeys.refetch()} />
      ) : apiKeys.data.length === 0 ? (
        <EmptyState icon={KeyRound} title="No API keys yet">
          Create a key, scope it to the endpoints a system needs, and give that system the secret.
          Calls send it as <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>.
        </EmptyState>
      ) : (
        <ApiKeysTable workspaceId={workspaceId} apiKeys={apiKeys.data} />
      )}
      <CreateApiKeyDialog workspaceId={workspaceId} open={creating} onOpenChange={setCreating} />
    </>
  );
}
