import { publishTargetOf } from "@/components/approvals/request-target";
import { LabelBadge } from "@/components/prompts/label-badge";
import { cn } from "@/components/ui/cn";
import type { ChangeRequestSummaryDto } from "@/lib/schemas/change-requests";

/** "v3 → v4" (or "v4" for a label that pointed nowhere), read as "v3 to v4". */
export function VersionChange({ from, to }: { from: number | null; to: number }) {
  return (
    <span className="font-mono whitespace-nowrap tabular-nums">
      {from !== null && (
        <>
          v{from} <span aria-hidden>→</span>
          <span className="sr-only">to</span>{" "}
        </>
      )}
      v{to}
    </span>
  );
}

/** What a request moves: prompt name and label, or endpoint slug and flow; and the version change. */
export function ChangeRequestTarget({
  request,
  className,
}: {
  request: Pick<ChangeRequestSummaryDto, "kind" | "target">;
  className?: string;
}) {
  const { target } = request;
  const publish = publishTargetOf(request);
  return (
    <span className={cn("flex flex-wrap items-center gap-x-1.5 gap-y-1", className)}>
      {publish ? (
        <>
          <span className="text-muted-foreground">Endpoint</span>
          <span className="font-mono text-foreground">{publish.slug}</span>
          {publish.flowName && <span className="text-muted-foreground">{publish.flowName}</span>}
        </>
      ) : (
        <>
          <span className="font-mono text-foreground">{target.promptName}</span>
          <LabelBadge name={target.label} />
        </>
      )}
      <VersionChange from={target.fromVersion} to={target.version} />
    </span>
  );
}
