"use client";

import { History, Pause, Play, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { RepointDialog } from "@/components/endpoints/repoint-dialog";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { DropdownMenuItem } from "@/components/ui/dropdown-menu";
import { RowActionsMenu } from "@/components/ui/row-actions-menu";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/query/api";
import { useDeleteEndpoint, useSetEndpointStatus } from "@/lib/query/endpoints";
import { PAUSED_RETRY_AFTER_SECONDS, type EndpointDto } from "@/lib/schemas/endpoints";

type DialogName = "repoint" | "pause" | "delete";

/** What pausing does, for the confirmation. */
function PauseDescription({ endpoint }: { endpoint: EndpointDto }) {
  const inFlight = endpoint.traffic.inFlight;
  return (
    <>
      Pausing drains the endpoint: new calls to{" "}
      <code className="font-mono">{endpoint.runPath}</code> get 503 with{" "}
      <code className="font-mono">Retry-After: {PAUSED_RETRY_AFTER_SECONDS}</code>, while runs
      already in flight ({inFlight === 1 ? "1 now" : `${inFlight} now`}) finish normally. Resume at
      any time.
    </>
  );
}

/**
 * The actions on one endpoint (change version, pause or resume, delete) as a "…" menu in a table
 * row, or as buttons on the endpoint's page; with their dialogs.
 */
export function EndpointActions({
  workspaceId,
  endpoint,
  layout = "menu",
  onDeleted,
}: {
  workspaceId: string;
  endpoint: EndpointDto;
  layout?: "menu" | "buttons";
  onDeleted?: () => void;
}) {
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const setStatus = useSetEndpointStatus(workspaceId);
  const remove = useDeleteEndpoint(workspaceId);
  const onOpenChange = (open: boolean) => !open && setDialog(null);
  const paused = endpoint.status === "paused";

  const changeStatus = () =>
    setStatus.mutate(
      { id: endpoint.id, status: paused ? "active" : "paused" },
      {
        onSuccess: () => {
          toast.success(paused ? `Resumed ${endpoint.slug}` : `Paused ${endpoint.slug}`);
          setDialog(null);
        },
        onError: (error) => toast.error(errorMessage(error)),
      },
    );
  const onDelete = () =>
    remove.mutate(endpoint.id, {
      onSuccess: () => {
        toast.success(`Deleted endpoint ${endpoint.slug}`);
        setDialog(null);
        onDeleted?.();
      },
      onError: (error) => toast.error(errorMessage(error)),
    });
  const onPauseOrResume = () => (paused ? changeStatus() : setDialog("pause"));

  const dialogs = (
    <>
      <RepointDialog
        workspaceId={workspaceId}
        endpoint={endpoint}
        open={dialog === "repoint"}
        onOpenChange={onOpenChange}
      />
      <ConfirmDialog
        open={dialog === "pause"}
        onOpenChange={onOpenChange}
        title={`Pause ${endpoint.slug}?`}
        description={<PauseDescription endpoint={endpoint} />}
        confirmLabel="Pause endpoint"
        pending={setStatus.isPending}
        onConfirm={changeStatus}
      />
      <ConfirmDialog
        open={dialog === "delete"}
        onOpenChange={onOpenChange}
        title={`Delete endpoint ${endpoint.slug}?`}
        description="Calls to this slug get 404 from now on and API keys scoped to it lose access. The runs it started stay in history; you can publish the slug again later."
        confirmLabel="Delete endpoint"
        pending={remove.isPending}
        onConfirm={onDelete}
      />
    </>
  );

  if (layout === "buttons")
    return (
      <>
        <Button variant="outline" onClick={() => setDialog("repoint")}>
          <History aria-hidden />
          Change version
        </Button>
        <Button variant="outline" onClick={onPauseOrResume} disabled={setStatus.isPending}>
          {setStatus.isPending ? (
            <Spinner />
          ) : paused ? (
            <Play aria-hidden />
          ) : (
            <Pause aria-hidden />
          )}
          {paused ? "Resume" : "Pause"}
        </Button>
        <Button variant="outline" onClick={() => setDialog("delete")}>
          <Trash2 aria-hidden />
          Delete
        </Button>
        {dialogs}
      </>
    );
  return (
    <>
      <RowActionsMenu name={endpoint.slug}>
        <DropdownMenuItem onSelect={() => setDialog("repoint")}>
          <History aria-hidden />
          Change version…
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={onPauseOrResume}>
          {paused ? <Play aria-hidden /> : <Pause aria-hidden />}
          {paused ? "Resume" : "Pause…"}
        </DropdownMenuItem>
        <DropdownMenuItem destructive onSelect={() => setDialog("delete")}>
          <Trash2 aria-hidden />
          Delete…
        </DropdownMenuItem>
      </RowActionsMenu>
      {dialogs}
    </>
  );
}
