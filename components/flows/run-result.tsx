"use client";

import { ArrowRight, CloudOff, RefreshCw } from "lucide-react";
import Link from "next/link";
import type { Ref } from "react";
import { SectionHeading } from "@/components/approvals/draft-view";
import {
  errorCode,
  errorText,
  formatCost,
  formatCount,
  formatLatency,
} from "@/components/flows/format";
import { NodeAttemptsTable } from "@/components/flows/node-attempts-table";
import { RunStatusBadge, statusLabel } from "@/components/flows/run-status-badge";
import { ValueBlock } from "@/components/ui/value-block";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { LoadingStatus, Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/query/api";
import { isSettledStatus, useRunDetail, type NodeAttemptDto, type RunDto } from "@/lib/query/runs";

/** Totals summed from node attempts, for a run that has not finished (its own totals are set at the end). */
function totalsSoFar(nodes: NodeAttemptDto[]): RunDto["totals"] {
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

/** Tokens, cost and latency of a whole run. */
function Totals({ totals }: { totals: RunDto["totals"] }) {
  const items: [string, string][] = [
    ["Tokens in", formatCount(totals.tokensIn)],
    ["Tokens out", formatCount(totals.tokensOut)],
    ["Cached tokens", formatCount(totals.tokensCached)],
    ["Cost (USD)", formatCost(totals.costUsd)],
    ["Latency", formatLatency(totals.latencyMs)],
  ];
  return (
    <dl
      className="grid grid-cols-2 gap-x-4 gap-y-3 rounded-md border px-4 py-3 sm:grid-cols-5"
      data-testid="run-totals"
    >
      {items.map(([label, value]) => (
        <div key={label} className="flex flex-col gap-0.5">
          <dt className="text-xs text-muted-foreground">{label}</dt>
          <dd className="font-medium tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What the run produced, or why there is nothing (yet). */
function OutputSection({ run }: { run: RunDto }) {
  const hasOutput = run.output !== null && run.output !== undefined;
  return (
    <section>
      <SectionHeading>Output</SectionHeading>
      {hasOutput ? (
        <div data-testid="run-output">
          <ValueBlock value={run.output} label="Run output" />
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">
          {run.status === "waiting"
            ? "No output yet: the run continues after the review."
            : isSettledStatus(run.status)
              ? "The run produced no output."
              : "No output yet."}
        </p>
      )}
    </section>
  );
}

/** The state of a run as a sentence, for the status message and the alerts. */
function StatusNotice({ run }: { run: RunDto }) {
  if (run.status === "waiting") {
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
  }
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
  if (run.status === "cancelled") {
    return <Alert title="The run was cancelled">It stopped before finishing.</Alert>;
  }
  if (!isSettledStatus(run.status)) {
    return (
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        <Spinner />
        Still running. This updates every second.
      </p>
    );
  }
  return null;
}

/**
 * The result of a run: status, output, error, totals and each node attempt. Polls the run every
 * second while it is queued or running.
 */
export function RunResult({
  workspaceId,
  started,
  headingRef,
}: {
  workspaceId: string;
  /** The run as POST /api/flows/:id/runs answered; shown until GET /api/runs/:id arrives. */
  started: RunDto;
  /** Receives the result heading, so the dialog can move focus to it. */
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const detail = useRunDetail(workspaceId, started.id);
  const run = detail.data?.run ?? started;
  const nodes = detail.data?.nodes;
  const simulated = nodes?.some((node) => node.provider === "simulated") ?? false;
  const finished = run.finishedAt !== null;

  return (
    <section
      aria-labelledby={`run-result-${run.id}`}
      className="flex min-w-0 flex-col gap-5"
      data-testid="run-result"
      data-run-id={run.id}
    >
      <div className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <h3
            id={`run-result-${run.id}`}
            ref={headingRef}
            tabIndex={-1}
            className="text-base font-semibold tracking-tight focus-visible:outline-none"
          >
            Run result
          </h3>
          <RunStatusBadge status={run.status} data-testid="run-status" />
        </div>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
          <span>
            Run{" "}
            <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-foreground">
              {run.id}
            </code>
          </span>
          {simulated && (
            <span className="flex items-center gap-1" data-testid="simulated-note">
              <CloudOff className="size-3.5" aria-hidden />
              Runs on the Simulated offline model
            </span>
          )}
        </p>
        <p role="status" className="sr-only">
          {`Run ${statusLabel(run.status).toLowerCase()}.`}
        </p>
      </div>
      <StatusNotice run={run} />
      <OutputSection run={run} />
      <section>
        <SectionHeading>{finished ? "Totals" : "Totals so far"}</SectionHeading>
        <Totals totals={finished || !nodes ? run.totals : totalsSoFar(nodes)} />
      </section>
      <section>
        <SectionHeading>Steps</SectionHeading>
        {detail.isError && (
          <Alert
            variant="error"
            title="Could not load the steps"
            className="mb-3"
            data-testid="run-nodes-error"
          >
            <p>{errorMessage(detail.error)}</p>
            <Button
              variant="outline"
              size="sm"
              className="mt-3"
              onClick={() => void detail.refetch()}
            >
              <RefreshCw aria-hidden />
              Retry
            </Button>
          </Alert>
        )}
        {nodes ? (
          nodes.length > 0 ? (
            <NodeAttemptsTable nodes={nodes} />
          ) : (
            <p className="text-sm text-muted-foreground">No steps have started yet.</p>
          )
        ) : detail.isPending ? (
          <LoadingStatus label="Loading steps…" className="flex flex-col gap-2">
            {[0, 1, 2].map((index) => (
              <Skeleton key={index} className="h-8" />
            ))}
          </LoadingStatus>
        ) : null}
      </section>
    </section>
  );
}
