"use client";

import { ChevronRight } from "lucide-react";
import { useId, useState } from "react";
import { FieldChange } from "@/components/flow-editor/versions/field-change";
import { ListError } from "@/components/settings/list-error";
import { cn } from "@/components/ui/cn";
import { JsonViewer } from "@/components/ui/json-viewer";
import { Spinner } from "@/components/ui/spinner";
import { useAuditEvent, type AuditEventDto } from "@/lib/query/audit-log";
import { snapshotChange } from "./snapshot-diff";

/** One recorded snapshot under a small heading. */
function Snapshot({ title, value, label }: { title: string; value: unknown; label: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <h3 className="text-xs font-medium text-muted-foreground">{title}</h3>
      <JsonViewer value={value} label={label} expandDepth={3} />
    </div>
  );
}

/** Both snapshots whole, side by side, behind a disclosure button. */
function FullSnapshots({ before, after }: { before: unknown; after: unknown }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="flex flex-col gap-2">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="flex w-fit items-center gap-1 rounded-sm text-xs font-medium text-primary underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-ring dark:text-indigo-300"
      >
        <ChevronRight className={cn("size-3.5", open && "rotate-90")} aria-hidden />
        Full before and after
      </button>
      {open && (
        <div id={id} className="grid gap-3 md:grid-cols-2">
          <Snapshot title="Before" value={before} label="Whole snapshot before the change" />
          <Snapshot title="After" value={after} label="Whole snapshot after the change" />
        </div>
      )}
    </div>
  );
}

/** The difference an event recorded: field changes, or the one snapshot a creation or removal has. */
function ChangeBody({ event }: { event: Pick<AuditEventDto, "before" | "after"> }) {
  const change = snapshotChange(event.before, event.after);
  if (change.kind === "none")
    return (
      <p className="text-sm text-muted-foreground">No details were recorded for this change.</p>
    );
  if (change.kind === "created")
    return <Snapshot title="Recorded after the change" value={change.after} label="After" />;
  if (change.kind === "removed")
    return <Snapshot title="Recorded before the change" value={change.before} label="Before" />;
  return (
    <div className="flex flex-col gap-3">
      {change.fields.length === 0 ? (
        <p className="text-sm text-muted-foreground">No recorded field changed.</p>
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Changed fields">
          {change.fields.map((field) => (
            <FieldChange key={field.path} field={field} />
          ))}
        </ul>
      )}
      <FullSnapshots before={event.before} after={event.after} />
    </div>
  );
}

/**
 * What an audit event changed, field by field (before -> after). Events whose snapshots were
 * too large for the list are read again whole first.
 */
export function AuditChange({ workspaceId, event }: { workspaceId: string; event: AuditEventDto }) {
  const whole = useAuditEvent(workspaceId, event.id, event.truncated);
  if (!event.truncated) return <ChangeBody event={event} />;
  if (whole.isPending)
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
        <Spinner className="size-4" />
        Loading the whole change…
      </p>
    );
  if (whole.isError)
    return (
      <ListError what="this change" error={whole.error} onRetry={() => void whole.refetch()} />
    );
  return <ChangeBody event={whole.data} />;
}
