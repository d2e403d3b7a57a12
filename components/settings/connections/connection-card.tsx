"use client";

import { FlaskConical, KeyRound, Lock, Pencil, Trash2 } from "lucide-react";
import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import { ConnectionFormDialog } from "@/components/settings/connections/connection-form-dialog";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Card, CardContent, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import type { ConnectionDto } from "@/lib/schemas/settings";
import { errorMessage } from "@/lib/query/api";
import { useDeleteConnection } from "@/lib/query/connections";

function Detail({
  term,
  className,
  children,
}: {
  term: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <dt className="text-xs text-muted-foreground">{term}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

/** One model connection: provider, endpoint, models, limits and key status. */
export function ConnectionCard({
  workspaceId,
  connection,
}: {
  workspaceId: string;
  connection: ConnectionDto;
}) {
  const [dialog, setDialog] = useState<"edit" | "delete" | null>(null);
  const remove = useDeleteConnection(workspaceId);
  const onDelete = () =>
    remove.mutate(connection.id, {
      onSuccess: () => {
        toast.success(`Deleted ${connection.name}`);
        setDialog(null);
      },
      onError: (error) => toast.error(errorMessage(error)),
    });

  return (
    <Card className="flex flex-col" data-testid="connection-card">
      <CardHeader className="flex-row items-start justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1.5">
          <CardTitle className="truncate font-mono">{connection.name}</CardTitle>
          <div className="flex flex-wrap gap-1.5">
            <Badge variant="outline">
              {connection.provider === "simulated" ? "Simulated" : "OpenAI-compatible"}
            </Badge>
            {connection.builtIn && (
              <Badge variant="warning">
                <FlaskConical aria-hidden />
                Offline simulator — not a real model
              </Badge>
            )}
          </div>
        </div>
        {connection.provider !== "simulated" &&
          (connection.hasApiKey ? (
            <Badge variant="success">
              <KeyRound aria-hidden />
              Key set
            </Badge>
          ) : (
            <Badge variant="danger">No key</Badge>
          ))}
      </CardHeader>
      <CardContent className="flex-1">
        <dl className="grid grid-cols-2 gap-4">
          <Detail term="Base URL" className="col-span-2">
            <span className="block truncate font-mono text-xs">
              {connection.baseUrl ??
                (connection.provider === "simulated" ? "Runs inside Trellis" : "OpenAI default")}
            </span>
          </Detail>
          <Detail term="Models" className="col-span-2">
            {connection.models.length === 0 ? (
              <span className="text-muted-foreground">None listed</span>
            ) : (
              <span className="flex flex-wrap gap-1">
                {connection.models.map((model) => (
                  <Badge key={model} variant="secondary" className="font-mono">
                    {model}
                  </Badge>
                ))}
              </span>
            )}
          </Detail>
          <Detail term="Max concurrent">{connection.maxConcurrent}</Detail>
          <Detail term="Requests / min">{connection.requestsPerMinute.toLocaleString()}</Detail>
        </dl>
      </CardContent>
      <CardFooter className="justify-end">
        {connection.builtIn ? (
          <p className="mr-auto flex items-center gap-1.5 text-xs text-muted-foreground">
            <Lock className="size-3.5" aria-hidden />
            Built in; cannot be edited or deleted.
          </p>
        ) : (
          <>
            <Button variant="ghost" size="sm" onClick={() => setDialog("edit")}>
              <Pencil aria-hidden />
              Edit<span className="sr-only"> {connection.name}</span>
            </Button>
            <Button
              variant="ghost"
              size="sm"
              className="text-danger hover:text-danger"
              onClick={() => setDialog("delete")}
            >
              <Trash2 aria-hidden />
              Delete<span className="sr-only"> {connection.name}</span>
            </Button>
          </>
        )}
      </CardFooter>
      {!connection.builtIn && (
        <>
          <ConnectionFormDialog
            key={connection.updatedAt}
            workspaceId={workspaceId}
            original={connection}
            open={dialog === "edit"}
            onOpenChange={(open) => setDialog(open ? "edit" : null)}
          />
          <ConfirmDialog
            open={dialog === "delete"}
            onOpenChange={(open) => setDialog(open ? "delete" : null)}
            title={`Delete ${connection.name}?`}
            description="Flows that use this connection will fail at their model steps until you point them at another connection. The stored key is deleted."
            confirmLabel="Delete connection"
            pending={remove.isPending}
            onConfirm={onDelete}
          />
        </>
      )}
    </Card>
  );
}
