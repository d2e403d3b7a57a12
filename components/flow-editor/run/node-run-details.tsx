"use client";

import { Pin, StepForward } from "lucide-react";
import type { ReactNode } from "react";
import { SectionHeading } from "@/components/approvals/draft-view";
import { errorText } from "@/components/flows/format";
import { RunStatusBadge } from "@/components/flows/run-status-badge";
import { Button } from "@/components/ui/button";
import { ValueBlock } from "@/components/ui/value-block";
import { AttemptList } from "./attempt-list";
import { LastRunHeading } from "./last-run-heading";
import type { EditorRun } from "./use-editor-run";

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col">
      <SectionHeading>{title}</SectionHeading>
      {children}
    </section>
  );
}

/** Whether a value is a port -> value record, as node outputs are. */
function isOutputs(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The selected node in the last run: status, rendered prompt, input, output, error and every
 * attempt; reruns the draft from it, or pins its output.
 */
export function NodeRunDetails({
  nodeId,
  run,
  canRun,
  canEdit,
  pinned,
  onPin,
}: {
  nodeId: string;
  run: EditorRun;
  canRun: boolean;
  canEdit: boolean;
  pinned: boolean;
  onPin: (outputs: Record<string, unknown>) => void;
}) {
  const live = run.live;
  const node = live?.nodes[nodeId];
  if (!live || !node) return null;
  const attempts = run.detail?.nodes.filter((a) => a.nodeId === nodeId) ?? [];
  const error = errorText(node.error);
  const settled = live.persisted && node.status !== "queued";
  const runFromHere = () =>
    void run.start({ input: run.detail?.run.input, from: { runId: live.runId, nodeId } });

  return (
    <section
      aria-labelledby="node-run-heading"
      className="mb-4 flex flex-col gap-3 border-b pb-4"
      data-testid="node-run-details"
    >
      <LastRunHeading id="node-run-heading" runId={live.runId} />
      <p className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
        <RunStatusBadge status={node.status} data-testid="node-run-status" />
        {node.source === "pinned" && "Pinned output, not executed."}
        {node.source === "reused" && "Reused from the earlier run, not executed."}
      </p>
      {live.persisted && (
        <div className="flex flex-wrap gap-2">
          <Button
            size="sm"
            variant="outline"
            disabled={!canRun || run.busy || !run.detail}
            onClick={runFromHere}
            title="Runs this node and everything after it again; the nodes before it reuse this run's results."
          >
            <StepForward aria-hidden />
            Run from here
          </Button>
          {node.status === "succeeded" && isOutputs(node.outputs) && !pinned && (
            <Button
              size="sm"
              variant="outline"
              disabled={!canEdit}
              onClick={() => onPin(node.outputs as Record<string, unknown>)}
            >
              <Pin aria-hidden />
              Pin this output
            </Button>
          )}
        </div>
      )}
      {run.problem && (
        <p role="alert" className="text-sm break-words text-danger">
          {run.problem.message}
        </p>
      )}
      {node.renderedPrompt && (
        <Block title="Rendered prompt">
          <ValueBlock value={node.renderedPrompt} label="Rendered prompt" />
        </Block>
      )}
      {node.inputs !== undefined && (
        <Block title="Input">
          <ValueBlock value={node.inputs} label="Node input" />
        </Block>
      )}
      {node.status === "running" && node.text && (
        <Block title="Streaming">
          <ValueBlock value={node.text} label="Streamed answer" />
        </Block>
      )}
      {node.outputs !== undefined && node.outputs !== null && (
        <Block title="Output">
          <ValueBlock value={node.outputs} label="Node output" />
        </Block>
      )}
      {error && (
        <Block title="Error">
          <p className="text-sm break-words whitespace-pre-wrap text-danger">{error}</p>
        </Block>
      )}
      {settled && attempts.length > 0 && (
        <Block title={attempts.length === 1 ? "Attempt" : `${attempts.length} attempts`}>
          <AttemptList attempts={attempts} />
        </Block>
      )}
    </section>
  );
}
