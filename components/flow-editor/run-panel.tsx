"use client";

import { useMemo, useState } from "react";
import { issuePath } from "@/components/flows/format";
import { Alert } from "@/components/ui/alert";
import type { FlowGraph } from "@/lib/engine";
import { ChatPane } from "./run/chat-pane";
import { inputConfigOf, issuesByField } from "./run/input-schema";
import { RunInputForm } from "./run/run-input-form";
import { RunSummary } from "./run/run-summary";
import type { EditorRun, RunProblem } from "./run/use-editor-run";
import { VersionSelect } from "./run/version-select";

function ProblemAlert({ problem }: { problem: RunProblem }) {
  return (
    <Alert variant="error" title={problem.message} data-testid="run-problems" role="alert">
      {problem.inputIssues.length > 0 && (
        <ul className="mt-1.5 flex list-disc flex-col gap-1 pl-4">
          {problem.inputIssues.map((issue, index) => (
            <li key={index}>
              <code className="mr-1 font-mono text-xs">{issuePath(issue.path)}</code>
              {issue.message}
            </li>
          ))}
        </ul>
      )}
      {problem.flowIssues.length > 0 && (
        <ul className="mt-1.5 flex list-disc flex-col gap-1 pl-4">
          {problem.flowIssues.map((issue, index) => (
            <li key={index}>
              {issue.nodeId && <code className="mr-1 font-mono text-xs">{issue.nodeId}</code>}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** Runs the draft or a saved version (a form, or a conversation in chat mode) and sums up the last run. */
export function RunPanel({
  workspaceId,
  flowId,
  graph,
  canRun,
  run,
}: {
  workspaceId: string;
  flowId: string;
  graph: FlowGraph;
  canRun: boolean;
  run: EditorRun;
}) {
  const [versionId, setVersionId] = useState("");
  const config = useMemo(() => inputConfigOf(graph), [graph]);
  const serverIssues = useMemo(() => issuesByField(run.problem?.inputIssues ?? []), [run.problem]);
  const disabled = !canRun || run.busy;
  const chat = config?.mode === "chat";

  return (
    <div className="flex flex-col gap-4" data-testid="run-panel">
      <p className="text-sm text-muted-foreground">
        Each node shows its status live on the canvas, with latency, tokens and cost. Select a node
        to see its prompt, output and attempts.
      </p>
      <VersionSelect
        workspaceId={workspaceId}
        flowId={flowId}
        value={versionId}
        onChange={setVersionId}
      />
      {chat ? (
        <ChatPane
          flowId={flowId}
          graph={graph}
          run={run}
          versionId={versionId || undefined}
          disabled={disabled}
        />
      ) : (
        <RunInputForm
          key={JSON.stringify(config?.schema ?? null)}
          config={config}
          serverIssues={serverIssues}
          disabled={!canRun}
          busy={run.busy}
          onRun={(input) => void run.start({ input, versionId: versionId || undefined })}
        />
      )}
      {!canRun && <p className="text-sm text-muted-foreground">Your role cannot run flows.</p>}
      {/* The form shows input issues by field; the conversation has no fields to show them by. */}
      {run.problem && (chat || run.problem.inputIssues.length === 0) && (
        <ProblemAlert problem={run.problem} />
      )}
      <RunSummary run={run} />
    </div>
  );
}
