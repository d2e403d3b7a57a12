"use client";

import { ArrowRight, CloudOff, History, ThumbsDown, ThumbsUp } from "lucide-react";
import Link from "next/link";
import {
  errorCode,
  errorText,
  formatCost,
  formatCount,
  formatLatency,
} from "@/components/flows/format";
import { RunStatusBadge, statusLabel } from "@/components/flows/run-status-badge";
import { formatDateTime } from "@/components/settings/format";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Fact } from "@/components/ui/fact";
import { Spinner } from "@/components/ui/spinner";
import { isSettledStatus } from "@/lib/query/runs";
import type { NodeAttemptDto, RunDto } from "@/lib/schemas/runs";

/** Totals summed from node attempts, for a run that has not finished (its own are set at the end). */
export function totalsSoFar(nodes: NodeAttemptDto[]): RunDto["totals"] {
  const sum = (pick: (node: NodeAttemptDto) => number) =>
    nodes.reduce((total, node) => total + pick(node), 0);
  return {
    tokensIn: sum((node) => node.tokensIn),
    tokensOut: sum((node) => node.tokensOut),
    tokensCached: sum((node) => node.tokensCached),
    costUsd: String(sum((node) => Number(node.costUsd) || 0)),
    latencyMs: null,
  };
}

/** How this run came from its parent, as the start of a sentence ending with the parent's link. */
function parentRelation(run: RunDto): string {
  if (run.trigger === "replay") return "Replays run";
  if (run.trigger === "resume") return "Resumes run";
  return "Reruns run";
}

/** The run's state as an alert: failed with its error, paused for review, cancelled or in flight. */
function StatusNotice({ run }: { run: RunDto }) {
  if (run.status === "failed") {
    const code = errorCode(run.error);
    return (
      <Alert variant="error" title="The run failed" data-testid="run-error">
        <p className="break-words whitespace-pre-wrap">
          {errorText(run.error) ?? "No reason was recorded."}
        </p>
        {code && <p className="mt-1 font-mono text-xs opacity-80">{code}</p>}
      </Alert>
    );
  }
  if (run.status === "waiting")
    return (
      <Alert title="Paused for human review" data-testid="run-waiting">
        <p>The run stopped at a Human review step and continues once someone decides.</p>
        <Link
          href="/approvals"
          className="mt-1 inline-flex items-center gap-1 font-medium underline underline-offset-4"
        >
          A reviewer must decide in Approvals
          <ArrowRight className="size-3.5" aria-hidden />
        </Link>
      </Alert>
    );
  if (run.status === "cancelled")
    return <Alert title="The run was cancelled">It stopped before finishing.</Alert>;
  if (!isSettledStatus(run.status))
    return (
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        <Spinner />
        Still running. This page updates every second.
      </p>
    );
  return null;
}

/**
 * What the run is: status, flow and version, trigger, times, totals, the run it came from, and
 * notices for failures, reviews and purged content.
 */
export function RunSummary({
  run,
  nodes,
  flowName,
  versionLabel,
}: {
  run: RunDto;
  nodes: NodeAttemptDto[];
  /** The flow's name once known. */
  flowName: string | null;
  /** "Version 3", "Draft", or null while loading. */
  versionLabel: string | null;
}) {
  const finished = run.finishedAt !== null;
  const totals = finished ? run.totals : totalsSoFar(nodes);
  const simulated = nodes.some((node) => node.provider === "simulated");
  return (
    <section
      aria-label="Run summary"
      className="flex flex-col gap-4 rounded-lg border bg-card p-5 shadow-xs"
    >
      <div className="flex flex-wrap items-center gap-2">
        <RunStatusBadge status={run.status} data-testid="run-status" data-status={run.status} />
        <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{run.id}</code>
        {run.rating && (
          <Badge variant={run.rating === "good" ? "success" : "danger"} data-testid="run-rating">
            {run.rating === "good" ? <ThumbsUp aria-hidden /> : <ThumbsDown aria-hidden />}
            {run.rating === "good" ? "Rated good" : "Rated bad"}
          </Badge>
        )}
        {simulated && (
          <span
            className="flex items-center gap-1 text-xs text-muted-foreground"
            data-testid="simulated-note"
          >
            <CloudOff className="size-3.5" aria-hidden />
            Runs on the Simulated offline model
          </span>
        )}
        <p role="status" className="sr-only">{`Run ${statusLabel(run.status).toLowerCase()}.`}</p>
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3 lg:grid-cols-5">
        <Fact label="Flow">
          <Link
            href={`/flows/${encodeURIComponent(run.flowId)}`}
            className="underline underline-offset-4 hover:text-primary"
          >
            {flowName ?? "Open the flow"}
          </Link>
        </Fact>
        <Fact label="Graph">{versionLabel ?? "…"}</Fact>
        <Fact label="Trigger">
          {[run.trigger, run.endpointSlug, run.apiKeyName && `key ${run.apiKeyName}`]
            .filter(Boolean)
            .join(" · ")}
        </Fact>
        <Fact label="Started">{formatDateTime(run.startedAt ?? run.createdAt)}</Fact>
        <Fact label="Finished">{run.finishedAt ? formatDateTime(run.finishedAt) : "—"}</Fact>
        <Fact label={finished ? "Cost (USD)" : "Cost so far"}>{formatCost(totals.costUsd)}</Fact>
        <Fact label="Tokens in / out">{`${formatCount(totals.tokensIn)} / ${formatCount(totals.tokensOut)}`}</Fact>
        <Fact label="Cached tokens">{formatCount(totals.tokensCached)}</Fact>
        <Fact label="Latency">{formatLatency(totals.latencyMs)}</Fact>
        <Fact label="Steps">{formatCount(new Set(nodes.map((node) => node.nodeId)).size)}</Fact>
      </dl>
      {run.parentRunId && (
        <p className="flex flex-wrap items-center gap-1 text-sm" data-testid="run-parent">
          <History className="size-4 text-muted-foreground" aria-hidden />
          {parentRelation(run)}
          <Link
            href={`/runs/${encodeURIComponent(run.parentRunId)}`}
            className="font-mono text-xs underline underline-offset-4"
          >
            {run.parentRunId}
          </Link>
          {run.fromNodeId && (
            <>
              from node <code className="font-mono text-xs">{run.fromNodeId}</code>
            </>
          )}
        </p>
      )}
      {run.contentPurged && (
        <Alert title="Content purged by retention" data-testid="run-purged">
          This run’s prompts, inputs and outputs were deleted under the workspace’s retention
          policy. Its statuses, timings, tokens and costs are kept.
        </Alert>
      )}
      <StatusNotice run={run} />
    </section>
  );
}
