"use client";

import { KeyRound, Plus } from "lucide-react";
import { useState } from "react";
import { Timestamp } from "@/components/approvals/relative-time";
import { formatDate } from "@/components/settings/format";
import { ListError } from "@/components/settings/list-error";
import { SecretActions } from "@/components/settings/secrets/secret-actions";
import { AddSecretDialog } from "@/components/settings/secrets/secret-dialogs";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton } from "@/components/ui/skeleton";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { useSecrets } from "@/lib/query/secrets";

function DateCell({ iso }: { iso: string }) {
  return (
    <TableCell className="whitespace-nowrap text-muted-foreground">
      <Timestamp iso={iso} format={formatDate} />
    </TableCell>
  );
}

/** The Secrets settings page: names and dates; values are write-only. */
export function SecretsView({ workspaceId }: { workspaceId: string }) {
  const secrets = useSecrets(workspaceId);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader
        title="Secrets"
        description="Credentials your flows use, such as API tokens for HTTP tools."
        actions={
          <Button onClick={() => setAdding(true)}>
            <Plus aria-hidden />
            Add secret
          </Button>
        }
      />
      <Alert className="mb-6" title="Values are write-only">
        Flows reference a secret by name, for example in the headers of an HTTP tool. Values are
        encrypted at rest and never shown, exported or logged; to change one, replace it.
      </Alert>
      {secrets.isPending ? (
        <ListSkeleton label="Loading secrets…" rows={3} />
      ) : secrets.isError ? (
        <ListError what="secrets" error={secrets.error} onRetry={() => void secrets.refetch()} />
      ) : secrets.data.length === 0 ? (
        <EmptyState icon={KeyRound} title="No secrets yet">
          Use “Add secret” to store a token once; flows then refer to it by name, so it never
          appears in a flow, a version or an export.
        </EmptyState>
      ) : (
        <Table aria-label="Secrets">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>Name</TableHead>
              <TableHead>Created</TableHead>
              <TableHead>Updated</TableHead>
              <TableHead className="w-12">
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {secrets.data.map((secret) => (
              <TableRow key={secret.id}>
                <TableCell className="font-mono text-sm font-medium">{secret.name}</TableCell>
                <DateCell iso={secret.createdAt} />
                <DateCell iso={secret.updatedAt} />
                <TableCell className="text-right">
                  <SecretActions workspaceId={workspaceId} secret={secret} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <AddSecretDialog workspaceId={workspaceId} open={adding} onOpenChange={setAdding} />
    </>
  );
}
