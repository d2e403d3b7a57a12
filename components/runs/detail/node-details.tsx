"use client";

import { MousePointerClick } from "lucide-react";
import Link from "next/link";
import type { ComponentProps } from "react";
import { SectionHeading } from "@/components/approvals/draft-view";
import {
  errorCode,
  errorText,
  formatCost,
  formatCount,
  formatLatency,
} from "@/components/flows/format";
import { RunStatusBadge } from "@/components/flows/run-status-badge";
import { attemptMarkers } from "@/components/runs/detail/attempt-style";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Fact as BaseFact } from "@/components/ui/fact";
import { JsonViewer } from "@/components/ui/json-viewer";
import { ValueBlock } from "@/components/ui/value-block";
import type { NodeAttemptDto } from "@/lib/schemas/runs";

const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  fractionalSecondDigits: 3,
});

/** "19:03:25.079": a step's time of day to the millisecond. */
function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

const SOURCES: Record<NodeAttemptDto["source"], string> = {
  executed: "Executed",
  pinned: "Pinned output",
  reused: "Reused from the earlier run",
};

/** A value section: the JSON viewer, or a sentence when there is nothing. */
function ValueSection({
  title,
  value,
  empty,
  label,
}: {
  title: string;
  value: unknown;
  empty: string;
  label: string;
}) {
  return (
    <section>
      <SectionHeading>{title}</SectionHeading>
      {value === null || value === undefined ? (
        <p className="text-sm text-muted-foreground">{empty}</p>
      ) : (
        <JsonViewer value={value} label={label} />
      )}
    </section>
  );
}

/** A fact whose value is cut to one line. */
function Fact(props: ComponentProps<typeof BaseFact>) {
  return <BaseFact valueClassName="truncate" {...props} />;
}

/**
 * The selected attempt: status, error, model and usage, rendered prompt, input and output. Says
 * what to do when nothing is selected.
 */
export function NodeDetails({
  attempt,
  attemptCount,
  fallback,
  purged,
}: {
  attempt: NodeAttemptDto | null;
  /** How many attempts the node made. */
  attemptCount: number;
  /** The attempt used another provider, model or tier than the node's first attempt. */
  fallback: boolean;
  /** Retention deleted the run's prompts, inputs and outputs. */
  purged: boolean;
}) {
  if (!attempt)
    return (
      <section
        aria-label="Step details"
        data-testid="node-details"
        className="flex flex-col items-center gap-2 rounded-md border border-dashed px-4 py-10 text-center text-sm text-muted-foreground"
      >
        <MousePointerClick className="size-5" aria-hidden />
        Select a bar in the timeline to see that attempt’s prompt, input, output and usage.
      </section>
    );

  const name = `${attempt.nodeId} attempt ${attempt.attempt}`;
  const error = errorText(attempt.error);
  const code = errorCode(attempt.error);
  const usesModel = attempt.provider !== null;
  const emptyValue = purged ? "Purged by retention." : "Not recorded.";
  return (
    <section
      aria-labelledby="node-details-heading"
      data-testid="node-details"
      data-node-id={attempt.nodeId}
      data-attempt={attempt.attempt}
      className="flex min-w-0 flex-col gap-4 rounded-md border p-4"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="node-details-heading" className="font-mono text-base font-semibold">
          {attempt.nodeId}
        </h2>
        <RunStatusBadge status={attempt.status} />
        <span className="text-xs text-muted-foreground">{`Attempt ${attempt.attempt} of ${attemptCount}`}</span>
        {attemptMarkers({ ...attempt, fallback }).map(({ key, label, icon: Icon }) => (
          <Badge key={key} variant="outline">
            <Icon aria-hidden />
            {label}
          </Badge>
        ))}
      </div>
      {error && (
        <Alert variant="error" title="Error">
          <p className="break-words whitespace-pre-wrap">{error}</p>
          {code && <p className="mt-1 font-mono text-xs opacity-80">{code}</p>}
        </Alert>
      )}
      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-3">
        <Fact label="Type">{attempt.nodeType}</Fact>
        <Fact label="Source">{SOURCES[attempt.source] ?? attempt.source}</Fact>
        <Fact label="Latency">{formatLatency(attempt.latencyMs)}</Fact>
        <Fact label="Provider">{attempt.provider ?? "—"}</Fact>
        <Fact label="Model">
          <span className="font-mono">{attempt.model ?? "—"}</span>
        </Fact>
        <Fact label="Tier">{attempt.tier ?? "—"}</Fact>
        <Fact label="Tokens in / out">
          {usesModel ? `${formatCount(attempt.tokensIn)} / ${formatCount(attempt.tokensOut)}` : "—"}
        </Fact>
        <Fact label="Cached tokens">{usesModel ? formatCount(attempt.tokensCached) : "—"}</Fact>
        <Fact label="Cost (USD)">{usesModel ? formatCost(attempt.costUsd) : "—"}</Fact>
        <Fact label="Prompt version" className="col-span-2 sm:col-span-3">
          {attempt.prompt ? (
            <Link
              href={`/prompts/${encodeURIComponent(attempt.prompt.id)}`}
              className="underline-offset-2 hover:underline"
              title={attempt.promptVersionId ?? undefined}
              data-testid="attempt-prompt-version"
            >
              <span className="font-mono">{attempt.prompt.name}</span> v{attempt.prompt.version}
            </Link>
          ) : (
            <span className="font-mono" title={attempt.promptVersionId ?? undefined}>
              {attempt.promptVersionId ?? "—"}
            </span>
          )}
        </Fact>
        <Fact label="Started">{formatTime(attempt.startedAt)}</Fact>
        <Fact label="Finished">{attempt.finishedAt ? formatTime(attempt.finishedAt) : "—"}</Fact>
      </dl>
      {attempt.renderedPrompt !== null ? (
        <section>
          <SectionHeading>Rendered prompt</SectionHeading>
          <ValueBlock value={attempt.renderedPrompt} label={`Rendered prompt of ${name}`} />
        </section>
      ) : usesModel ? (
        <section>
          <SectionHeading>Rendered prompt</SectionHeading>
          <p className="text-sm text-muted-foreground">{emptyValue}</p>
        </section>
      ) : null}
      <ValueSection
        title="Input"
        value={attempt.input}
        empty={emptyValue}
        label={`Input of ${name}`}
      />
      <ValueSection
        title="Output"
        value={attempt.output}
        empty={
          attempt.status === "skipped" ? "Skipped: no output." : purged ? emptyValue : "No output."
        }
        label={`Output of ${name}`}
      />
    </section>
  );
}
