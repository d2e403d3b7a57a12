"use client";

import { Play, RotateCcw } from "lucide-react";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { jsonError } from "@/components/approvals/draft";
import { initialRunInput } from "@/components/flows/example-inputs";
import { issuePath } from "@/components/flows/format";
import { RunResult } from "@/components/flows/run-result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { ApiClientError, errorMessage } from "@/lib/query/api";
import type { FlowSummaryDto } from "@/lib/query/flows";
import { useStartRun, type RunDto } from "@/lib/query/runs";

/** One problem of a flow that keeps it from running (from `error.details.flowIssues`). */
interface FlowIssue {
  nodeId?: string;
  edgeId?: string;
  message: string;
}

/** Why a run did not start: the message plus input issues or flow issues, when the API sent them. */
interface RunProblem {
  message: string;
  inputIssues: { path: string; message: string }[];
  flowIssues: FlowIssue[];
}

function isFlowIssue(issue: unknown): issue is FlowIssue {
  return (
    typeof issue === "object" &&
    issue !== null &&
    typeof (issue as { message?: unknown }).message === "string"
  );
}

/** Reads a failed POST /api/flows/:id/runs into something the dialog can list. */
function toProblem(error: unknown): RunProblem {
  if (!(error instanceof ApiClientError) || error.code !== "validation_failed") {
    return { message: errorMessage(error), inputIssues: [], flowIssues: [] };
  }
  const flowIssues = (error.details as { flowIssues?: unknown } | null)?.flowIssues;
  return {
    message: error.message,
    inputIssues: error.issues,
    flowIssues: Array.isArray(flowIssues) ? flowIssues.filter(isFlowIssue) : [],
  };
}

function ProblemList({ children }: { children: ReactNode }) {
  return <ul className="mt-1.5 flex list-disc flex-col gap-1 pl-4">{children}</ul>;
}

/** The reason a run did not start, with each input or flow issue on its own line. */
function RunProblemAlert({ id, problem }: { id: string; problem: RunProblem }) {
  return (
    <Alert id={id} variant="error" role="alert" title={problem.message} data-testid="run-problems">
      {problem.inputIssues.length > 0 && (
        <ProblemList>
          {problem.inputIssues.map((issue, index) => (
            <li key={index}>
              <code className="font-mono text-xs font-semibold">{issuePath(issue.path)}</code>{" "}
              {issue.message}
            </li>
          ))}
        </ProblemList>
      )}
      {problem.flowIssues.length > 0 && (
        <ProblemList>
          {problem.flowIssues.map((issue, index) => {
            const where = issue.nodeId
              ? `Node ${issue.nodeId}`
              : issue.edgeId
                ? `Edge ${issue.edgeId}`
                : null;
            return (
              <li key={index}>
                {where && <span className="font-semibold">{where}: </span>}
                {issue.message}
              </li>
            );
          })}
        </ProblemList>
      )}
    </Alert>
  );
}

/** Why the input text is not acceptable JSON, or true. */
function validateInput(text: string): string | true {
  if (!text.trim()) return "Enter the input as JSON, for example {}.";
  return jsonError(text) ?? true;
}

/**
 * The Run button of a flow and its dialog: a JSON input (prefilled for the examples), checked
 * before sending; then the run's result in the same dialog, polled while it is still running.
 */
export function RunFlowDialog({
  workspaceId,
  flow,
}: {
  workspaceId: string;
  flow: FlowSummaryDto;
}) {
  const [open, setOpen] = useState(false);
  const [run, setRun] = useState<RunDto | null>(null);
  const [problem, setProblem] = useState<RunProblem | null>(null);
  /** Bumped when the dialog closes, so a request still in flight cannot fill a reopened dialog. */
  const session = useRef(0);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const start = useStartRun(workspaceId);
  const form = useForm<{ input: string }>({
    defaultValues: { input: initialRunInput(flow.name) },
  });
  const fieldId = useId();
  const problemId = `${fieldId}-problem`;
  const showingResult = run !== null;

  useEffect(() => {
    if (showingResult) resultHeading.current?.focus();
  }, [showingResult, run?.id]);

  const onOpenChange = (next: boolean) => {
    if (!next) {
      session.current += 1;
      form.reset();
      setRun(null);
      setProblem(null);
      start.reset();
    }
    setOpen(next);
  };

  const send = async ({ input }: { input: string }) => {
    const current = session.current;
    setProblem(null);
    try {
      const result = await start.mutateAsync({ flowId: flow.id, input: JSON.parse(input) });
      if (session.current === current) setRun(result.run);
    } catch (error) {
      if (session.current === current) setProblem(toProblem(error));
    }
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => void form.handleSubmit(send)(event);

  const runAgain = () => {
    setRun(null);
    setProblem(null);
    start.reset();
    window.setTimeout(() => form.setFocus("input", { shouldSelect: false }), 0);
  };

  const fieldError = form.formState.errors.input?.message;
  const inputRejected = (problem?.inputIssues.length ?? 0) > 0;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button size="sm" aria-label={`Run ${flow.name}`}>
          <Play aria-hidden />
          Run
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-4xl" data-testid="run-dialog">
        <DialogHeader>
          <DialogTitle>Run {flow.name}</DialogTitle>
          <DialogDescription>
            Runs the flow&apos;s current draft with this input. The result and every step appear
            here.
          </DialogDescription>
        </DialogHeader>
        {run ? (
          <>
            <RunResult workspaceId={workspaceId} started={run} headingRef={resultHeading} />
            <DialogFooter>
              <Button variant="outline" onClick={runAgain}>
                <RotateCcw aria-hidden />
                Run again
              </Button>
              <Button onClick={() => onOpenChange(false)}>Close</Button>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
            {problem && <RunProblemAlert id={problemId} problem={problem} />}
            <FormField
              id={fieldId}
              label="Input (JSON)"
              hint="Checked against the flow's Input schema before the run starts."
              error={fieldError}
            >
              {(control) => (
                <Textarea
                  {...control}
                  aria-invalid={control["aria-invalid"] || inputRejected}
                  aria-describedby={
                    [inputRejected ? problemId : undefined, control["aria-describedby"]]
                      .filter(Boolean)
                      .join(" ") || undefined
                  }
                  rows={8}
                  spellCheck={false}
                  className="font-mono text-xs"
                  {...form.register("input", { validate: validateInput })}
                />
              )}
            </FormField>
            {start.isPending && (
              <p role="status" className="text-sm text-muted-foreground">
                Running the flow. The result appears here when it is done.
              </p>
            )}
            <DialogFooter>
              <Button
                variant="outline"
                onClick={() => onOpenChange(false)}
                disabled={start.isPending}
              >
                Cancel
              </Button>
              <SubmitButton pending={start.isPending}>Run flow</SubmitButton>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
