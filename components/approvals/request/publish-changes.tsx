import type { FlowPublishTargetDto } from "@/lib/schemas/endpoints";
import { ChangeItem } from "@/components/endpoints/approval-required";

/** The model and managed-prompt changes a `flow.publish` request makes, per node (from -> to). */
export function PublishChanges({ target }: { target: FlowPublishTargetDto }) {
  if (target.changes.length === 0)
    return (
      <p className="text-sm text-muted-foreground" data-testid="no-publish-changes">
        No model or managed prompt changes between v{target.fromVersion ?? "?"} and v
        {target.version}.
      </p>
    );
  return (
    <ul
      className="flex max-w-3xl flex-col gap-1.5 text-sm"
      aria-label="Model and prompt changes"
      data-testid="publish-changes"
    >
      {target.changes.map((change) => (
        <ChangeItem key={`${change.nodeId}-${change.field}`} change={change} />
      ))}
    </ul>
  );
}
