"use client";

import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { RelativeTime } from "@/components/approvals/relative-time";
import { ApprovalRequired, publishApprovalOf } from "@/components/endpoints/approval-required";
import { defaultRepointTarget } from "@/components/endpoints/versions";
import { FormError } from "@/components/forms/form-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { ListSkeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/query/api";
import { useRepointEndpoint } from "@/lib/query/endpoints";
import { useFlowVersions } from "@/lib/query/flow-versions";
import type { EndpointDto } from "@/lib/schemas/endpoints";
import type { FlowVersionSummaryDto } from "@/lib/schemas/flows";

function VersionOption({
  version,
  live,
  liveNumber,
  checked,
  onSelect,
}: {
  version: FlowVersionSummaryDto;
  live: boolean;
  liveNumber: number;
  checked: boolean;
  onSelect: () => void;
}) {
  const id = `repoint-version-${version.id}`;
  return (
    <li>
      <label
        htmlFor={id}
        data-testid="repoint-version"
        className={cn(
          "flex cursor-pointer items-start gap-3 rounded-md border px-3 py-2.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
          checked && "border-primary bg-accent/60",
          live && "cursor-default opacity-80",
        )}
      >
        <input
          type="radio"
          id={id}
          name="repoint-version"
          value={version.id}
          checked={checked}
          disabled={live}
          onChange={onSelect}
          className="mt-0.5 accent-primary"
        />
        <span className="flex min-w-0 flex-1 flex-col gap-0.5">
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono font-medium">v{version.version}</span>
            {live ? (
              <Badge variant="success">Live</Badge>
            ) : version.version < liveNumber ? (
              <Badge variant="outline">Previous</Badge>
            ) : (
              <Badge variant="info">Newer</Badge>
            )}
          </span>
          <span className="break-words">{version.message || "No message"}</span>
          <span className="text-xs text-muted-foreground">
            {version.authorName ?? "Unknown author"} · <RelativeTime iso={version.createdAt} />
          </span>
        </span>
      </label>
    </li>
  );
}

/**
 * Points an endpoint at another saved version of its flow; the live version is marked and the one
 * before it preselected, so a rollback is one step. A 403 `approval_required` shows the changes
 * and offers a change request.
 */
export function RepointDialog({
  workspaceId,
  endpoint,
  open,
  onOpenChange,
}: {
  workspaceId: string;
  endpoint: EndpointDto;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const versions = useFlowVersions(workspaceId, endpoint.flowId);
  const repoint = useRepointEndpoint(workspaceId);
  const [picked, setPicked] = useState<string | null>(null);
  const selected =
    picked ?? (versions.data ? defaultRepointTarget(versions.data, endpoint.flowVersionId) : null);
  const approval = publishApprovalOf(repoint.error);
  const close = (next: boolean) => {
    if (!next) {
      setPicked(null);
      repoint.reset();
    }
    onOpenChange(next);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!selected) return;
    repoint.mutate(
      { id: endpoint.id, flowVersionId: selected },
      {
        onSuccess: ({ endpoint: after }) => {
          toast.success(`${after.slug} now serves v${after.version}`);
          close(false);
        },
      },
    );
  };
  const choose = (id: string) => {
    setPicked(id);
    repoint.reset();
  };
  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Change the version of {endpoint.slug}</DialogTitle>
          <DialogDescription>
            New calls use the chosen version of {endpoint.flowName} at once; runs in flight finish
            on v{endpoint.version}. Pick an earlier version to roll back.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          {approval ? (
            <ApprovalRequired workspaceId={workspaceId} {...approval} />
          ) : (
            <FormError message={repoint.isError ? errorMessage(repoint.error) : null} />
          )}
          {versions.isPending ? (
            <ListSkeleton rows={3} label="Loading versions…" />
          ) : versions.isError ? (
            <FormError message={`Could not load versions: ${errorMessage(versions.error)}`} />
          ) : (
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-2 text-sm font-medium">Version to serve</legend>
              <ul className="flex max-h-80 flex-col gap-2 overflow-y-auto">
                {versions.data.map((version) => (
                  <VersionOption
                    key={version.id}
                    version={version}
                    live={version.id === endpoint.flowVersionId}
                    liveNumber={endpoint.version}
                    checked={version.id === selected}
                    onSelect={() => choose(version.id)}
                  />
                ))}
              </ul>
            </fieldset>
          )}
          <DialogFooter>
            <Button variant="outline" onClick={() => close(false)} disabled={repoint.isPending}>
              Cancel
            </Button>
            <Button type="submit" disabled={repoint.isPending || !selected || Boolean(approval)}>
              {repoint.isPending && <Spinner />}
              Serve this version
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
