"use client";

import { useMemo, useState } from "react";
import { NodeDetails } from "@/components/runs/detail/node-details";
import { RunActions } from "@/components/runs/detail/run-actions";
import { RunFeedback } from "@/components/runs/detail/run-feedback";
import { RunSummary } from "@/components/runs/detail/run-summary";
import { RunTimeline } from "@/components/runs/detail/run-timeline";
import { isFallback } from "@/components/runs/detail/timeline-layout";
import { Alert } from "@/components/ui/alert";
import { JsonViewer } from "@/components/ui/json-viewer";
import { PageHeader } from "@/components/ui/page-header";
import { errorMessage } from "@/lib/query/api";
import { useFlowVersions } from "@/lib/query/flow-versions";
import { useFlows } from "@/lib/query/flows";
import { isSettledStatus, type NodeAttemptDto, type RunDto } from "@/lib/query/runs";

const attemptKey = (node: NodeAttemptDto) => `${node.nodeId}#${node.attempt}`;

/** Index of the attempt that failed the run: a failed final attempt, else any failed one. */
function failedAttempt(nodes: NodeAttemptDto[]): number {
  const final = nodes.findIndex((node) => node.status === "failed" && node.final);
  return final >= 0 ? final : nodes.findIndex((node) => node.status === "failed");
}

/** Scrolls the details panel into view when it sits below the fold (narrow screens stack it). */
function revealDetails() {
  const panel = document.querySelector('[data-testid="node-details"]');
  if (panel && panel.getBoundingClientRect().top > window.innerHeight - 120)
    panel.scrollIntoView({ block: "start", behavior: "smooth" });
}

/** The run's flow name and "Version 3" or "Draft", once known. */
function useRunLabels(workspaceId: string, run: RunDto) {
  const flows = useFlows(workspaceId, { q: "", sort: "updated" });
  const versions = useFlowVersions(workspaceId, run.flowId);
  const flowName = flows.data?.find((flow) => flow.id === run.flowId)?.name ?? null;
  if (!run.flowVersionId) return { flowName, versionLabel: "Draft" };
  const version = versions.data?.find((candidate) => candidate.id === run.flowVersionId);
  return {
    flowName,
    versionLabel: version
      ? `Version ${version.version}`
      : versions.isError
        ? "A saved version"
        : null,
  };
}

function ValuesHeading({ children }: { children: string }) {
  return (
    <h2 className="mb-1.5 text-xs font-medium tracking-wide text-muted-foreground uppercase">
      {children}
    </h2>
  );
}

/** The run's input and output, side by side. */
function RunValues({ run }: { run: RunDto }) {
  const noOutput =
    run.status === "waiting"
      ? "No output yet: the run continues after the review."
      : isSettledStatus(run.status)
        ? run.contentPurged
          ? "Purged by retention."
          : "The run produced no output."
        : "No output yet.";
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section>
        <ValuesHeading>Input</ValuesHeading>
        <JsonViewer value={run.input} label="Run input" />
      </section>
      <section data-testid="run-output">
        <ValuesHeading>Output</ValuesHeading>
        {run.output === null || run.output === undefined ? (
          <p className="text-sm text-muted-foreground">{noOutput}</p>
        ) : (
          <JsonViewer value={run.output} label="Run output" />
        )}
      </section>
    </div>
  );
}

/**
 * A loaded run: header with actions, summary, input and output, a timeline of every attempt with
 * the selected attempt's details (a failed run opens on its failed attempt), and feedback.
 */
export function RunDetail({
  workspaceId,
  run,
  nodes,
  refreshError,
}: {
  workspaceId: string;
  run: RunDto;
  nodes: NodeAttemptDto[];
  /** The last poll failed (the page keeps showing what it had). */
  refreshError: unknown;
}) {
  const labels = useRunLabels(workspaceId, run);
  const [chosen, setChosen] = useState<string | null>(null);
  const selected = useMemo(() => {
    const index =
      chosen !== null
        ? nodes.findIndex((node) => attemptKey(node) === chosen)
        : run.status === "failed"
          ? failedAttempt(nodes)
          : -1;
    return index < 0 ? null : index;
  }, [chosen, nodes, run.status]);

  const attempt = selected === null ? null : nodes[selected]!;
  const siblings = attempt ? nodes.filter((node) => node.nodeId === attempt.nodeId) : [];
  const fallback =
    attempt !== null && siblings[0] !== undefined && isFallback(siblings[0], attempt);

  return (
    <>
      <PageHeader
        title="Run"
        description={[labels.flowName, labels.versionLabel, `trigger: ${run.trigger}`]
          .filter(Boolean)
          .join(" · ")}
        actions={<RunActions detail={{ run, nodes }} />}
      />
      <div className="flex min-w-0 flex-col gap-6" data-testid="run-page">
        {refreshError ? (
          <Alert variant="error" title="Could not refresh the run">
            {errorMessage(refreshError)}
          </Alert>
        ) : null}
        <RunSummary
          run={run}
          nodes={nodes}
          flowName={labels.flowName}
          versionLabel={labels.versionLabel}
        />
        <RunValues run={run} />
        <div className="grid items-start gap-6 2xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <RunTimeline
            run={run}
            nodes={nodes}
            selected={selected}
            onSelect={(index) => {
              setChosen(attemptKey(nodes[index]!));
              requestAnimationFrame(revealDetails);
            }}
          />
          <div className="2xl:sticky 2xl:top-4">
            <NodeDetails
              attempt={attempt}
              attemptCount={siblings.length}
              fallback={fallback}
              purged={run.contentPurged}
            />
          </div>
        </div>
        <RunFeedback workspaceId={workspaceId} runId={run.id} />
      </div>
    </>
  );
}
