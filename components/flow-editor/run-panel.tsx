"use client";

import { Play } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import type { FlowGraph } from "@/lib/engine";
import type { NodeAttemptDto, RunDto } from "@/lib/schemas/runs";
import { errorMessage } from "@/lib/query/api";
import { fetchRun, startDraftRun } from "@/lib/query/flow-editor";
import type { NodeRunBadge } from "./flow-node";

const SETTLED = new Set(["succeeded", "failed", "cancelled", "waiting"]);

/** An example run input built from the Input node's JSON schema. */
export function exampleInput(graph: FlowGraph): string {
  const input = graph.nodes.find((n) => n.type === "input");
  const schema = input?.config.schema as
    { properties?: Record<string, { type?: string }>; required?: string[] } | undefined;
  const example: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(schema?.properties ?? {})) {
    if (schema?.required && !schema.required.includes(key)) continue;
    example[key] =
      prop.type === "number" || prop.type === "integer"
        ? 0
        : prop.type === "boolean"
          ? false
          : prop.type === "object"
            ? {}
            : prop.type === "array"
              ? []
              : `Example ${key}`;
  }
  return JSON.stringify(example, null, 2);
}

/** The badge of each node from its final (or latest) attempt. */
export function runBadges(nodes: NodeAttemptDto[]): Map<string, NodeRunBadge> {
  const latest = new Map<string, NodeAttemptDto>();
  for (const attempt of nodes) {
    const seen = latest.get(attempt.nodeId);
    if (!seen || attempt.final || (!seen.final && attempt.attempt > seen.attempt))
      latest.set(attempt.nodeId, attempt);
  }
  return new Map(
    [...latest].map(([nodeId, a]) => [
      nodeId,
      {
        status: a.status,
        latencyMs: a.latencyMs,
        costUsd: a.costUsd,
        tokens: a.tokensIn + a.tokensOut,
      },
    ]),
  );
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the saved draft with a JSON input and draws each node's result on the canvas. */
export function RunPanel({
  flowId,
  graph,
  canRun,
  beforeRun,
  onResult,
}: {
  flowId: string;
  graph: FlowGraph;
  canRun: boolean;
  /** Saves pending edits; false when the draft could not be saved. */
  beforeRun: () => Promise<boolean>;
  onResult: (attempts: NodeAttemptDto[]) => void;
}) {
  const [input, setInput] = useState(() => exampleInput(graph));
  const [inputError, setInputError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [run, setRun] = useState<RunDto | null>(null);

  const start = async () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(input || "{}");
      setInputError(null);
    } catch {
      setInputError("The input is not valid JSON.");
      return;
    }
    setRunning(true);
    setError(null);
    try {
      if (!(await beforeRun())) {
        setError("Save the draft before running it.");
        return;
      }
      const started = await startDraftRun(flowId, parsed, 20_000);
      let detail = await fetchRun(started.run.id);
      for (let i = 0; i < 60 && !SETTLED.has(detail.run.status); i++) {
        onResult(detail.nodes);
        await delay(1_000);
        detail = await fetchRun(started.run.id);
      }
      setRun(detail.run);
      onResult(detail.nodes);
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="flex flex-col gap-4" data-testid="run-panel">
      <p className="text-sm text-muted-foreground">
        Runs the saved draft. Each node shows its status, latency, tokens and cost on the canvas.
      </p>
      <FormField
        id="run-input"
        label="Input (JSON)"
        error={inputError ?? undefined}
        hint="Must match the Input node's schema."
      >
        {(control) => (
          <Textarea
            {...control}
            spellCheck={false}
            className="min-h-40 font-mono text-xs"
            value={input}
            onChange={(event) => setInput(event.target.value)}
          />
        )}
      </FormField>
      <Button onClick={() => void start()} disabled={!canRun || running}>
        {running ? <Spinner /> : <Play aria-hidden />}
        {running ? "Running…" : "Run"}
      </Button>
      {!canRun && <p className="text-sm text-muted-foreground">Your role cannot run flows.</p>}
      {error && (
        <Alert variant="error" title="The run did not start">
          {error}
        </Alert>
      )}
      {run && (
        <div className="flex flex-col gap-2 text-sm" aria-live="polite" data-testid="run-summary">
          <p>
            Run <span className="font-mono text-xs">{run.id}</span>:{" "}
            <span className="font-medium" data-testid="run-status">
              {run.status}
            </span>
          </p>
          {run.totals.latencyMs !== null && (
            <p className="text-muted-foreground">
              {run.totals.latencyMs} ms · {run.totals.tokensIn + run.totals.tokensOut} tokens · $
              {Number(run.totals.costUsd).toFixed(4)}
            </p>
          )}
          {run.output !== null && run.output !== undefined && (
            <pre
              tabIndex={0}
              aria-label="Run output"
              className="max-h-48 overflow-auto rounded-md border bg-muted p-2 font-mono text-xs whitespace-pre-wrap"
            >
              {JSON.stringify(run.output, null, 2)}
            </pre>
          )}
        </div>
      )}
    </div>
  );
}

function Block({ title, value }: { title: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  const text = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  return (
    <div className="flex flex-col gap-1">
      <h4 className="text-xs font-semibold text-muted-foreground">{title}</h4>
      <pre
        tabIndex={0}
        aria-label={title}
        className="max-h-48 overflow-auto rounded-md border bg-muted p-2 font-mono text-xs whitespace-pre-wrap"
      >
        {text}
      </pre>
    </div>
  );
}

/** The selected node's attempts in the last run: status, rendered prompt, output, error. */
export function NodeRunDetails({ attempts }: { attempts: NodeAttemptDto[] }) {
  if (attempts.length === 0) return null;
  const last = attempts.at(-1)!;
  return (
    <section
      aria-labelledby="node-run-heading"
      className="flex flex-col gap-3 border-t pt-4"
      data-testid="node-run-details"
    >
      <h3 id="node-run-heading" className="text-sm font-semibold">
        Last run
      </h3>
      <p className="text-sm">
        <span className="font-medium">{last.status}</span>
        {attempts.length > 1 && ` after ${attempts.length} attempts`}
        {last.latencyMs !== null && ` · ${last.latencyMs} ms`}
        {last.model && ` · ${last.model}`}
        {last.tokensIn + last.tokensOut > 0 && ` · ${last.tokensIn + last.tokensOut} tokens`}
      </p>
      <Block title="Rendered prompt" value={last.renderedPrompt} />
      <Block title="Output" value={last.output} />
      <Block title="Error" value={last.error} />
    </section>
  );
}
