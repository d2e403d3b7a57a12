"use client";

import { ArrowRight, X } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { blockingIssues, type ImportOutcome } from "@/components/flows/import-file";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { FlowIssue } from "@/lib/engine";

const SHOWN_ISSUES = 6;

function issueText(issue: FlowIssue): string {
  const where = issue.nodeId ? `node ${issue.nodeId}` : issue.edgeId ? `edge ${issue.edgeId}` : "";
  return where ? `${where}: ${issue.message}` : issue.message;
}

function Lines({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  const rest = lines.length - SHOWN_ISSUES;
  return (
    <ul className="mt-1.5 flex list-disc flex-col gap-1 pl-4 break-words">
      {lines.slice(0, SHOWN_ISSUES).map((line, index) => (
        <li key={index}>{line}</li>
      ))}
      {rest > 0 && <li>and {rest} more</li>}
    </ul>
  );
}

/** An alert with a Dismiss button in its top-right corner. */
function Dismissible({ onDismiss, children }: { onDismiss: () => void; children: ReactNode }) {
  return (
    <div className="relative [&>[role]]:pr-12">
      {children}
      <Button
        variant="ghost"
        size="icon-sm"
        className="absolute top-2 right-2"
        aria-label="Dismiss"
        onClick={onDismiss}
      >
        <X aria-hidden />
      </Button>
    </div>
  );
}

/** The last import's outcome: why a file was refused, or the new flow with what still needs fixing. */
export function ImportStatus({
  outcome,
  pendingFile,
  onDismiss,
}: {
  outcome: ImportOutcome | null;
  pendingFile: string | null;
  onDismiss: () => void;
}) {
  if (pendingFile) {
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
        <Spinner />
        Importing {pendingFile}…
      </p>
    );
  }
  if (!outcome) return null;
  if (outcome.kind === "failed") {
    return (
      <Dismissible onDismiss={onDismiss}>
        <Alert
          variant="error"
          role="alert"
          title={`Could not import ${outcome.fileName}`}
          data-testid="import-error"
        >
          <p>{outcome.problem.message} Nothing was imported.</p>
          <Lines lines={outcome.problem.details} />
        </Alert>
      </Dismissible>
    );
  }
  const blocking = blockingIssues(outcome.issues);
  return (
    <Dismissible onDismiss={onDismiss}>
      <Alert role="status" title={`Imported “${outcome.flow.name}”`} data-testid="import-result">
        {blocking.length > 0 ? (
          <>
            <p data-testid="import-issues">
              It has {blocking.length} {blocking.length === 1 ? "problem" : "problems"} to fix in
              the editor before it can run:
            </p>
            <Lines lines={blocking.map(issueText)} />
          </>
        ) : (
          <p>The flow is valid and ready to run.</p>
        )}
        <Link
          href={`/flows/${outcome.flow.id}`}
          className="mt-2 inline-flex items-center gap-1 font-medium underline underline-offset-4"
        >
          Open in the editor
          <ArrowRight className="size-3.5" aria-hidden />
        </Link>
      </Alert>
    </Dismissible>
  );
}
