"use client";

import { Check, ChevronDown, Copy, Download, Play, RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { downloadJson } from "@/components/ui/download";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Spinner } from "@/components/ui/spinner";
import { ApiClientError, errorMessage } from "@/lib/query/api";
import { useReplayRun, useResumeRun } from "@/lib/query/run-actions";
import { isSettledStatus, type RunDetailDto } from "@/lib/query/runs";

/** Why Resume is unavailable for a run in this status, or null when it is available. */
function resumeBlocker(status: string): string | null {
  if (status === "failed") return null;
  if (!isSettledStatus(status))
    return "Resume is available once the run has failed; it is still running.";
  return "Only a failed run can be resumed: it continues from the node that failed, reusing every step before it.";
}

/** Copies the run and its attempts to the clipboard as JSON; says so for two seconds. */
function CopyJsonButton({ detail }: { detail: RunDetailDto }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2_000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(JSON.stringify(detail, null, 2));
      setCopied(true);
      toast.success("Copied the run as JSON");
    } catch {
      toast.error(
        "Could not copy: the browser refused clipboard access. Use Download JSON instead.",
      );
    }
  };
  return (
    <Button variant="outline" size="sm" onClick={() => void copy()} data-testid="run-copy-json">
      {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
      {copied ? "Copied" : "Copy as JSON"}
    </Button>
  );
}

/** An API failure of replay or resume as an inline alert, with its code. */
function ActionError({ title, error }: { title: string; error: unknown }) {
  const code = error instanceof ApiClientError ? error.code : null;
  return (
    <Alert variant="error" title={title} data-testid="run-action-error" className="w-full">
      <p>{errorMessage(error)}</p>
      {code && <p className="mt-1 font-mono text-xs opacity-80">{code}</p>}
    </Alert>
  );
}

/**
 * The run page's actions: copy or download the run as JSON, replay it (same or latest version) and
 * resume a failed run from its failed node. A new run opens its own page.
 */
export function RunActions({ detail }: { detail: RunDetailDto }) {
  const { run } = detail;
  const router = useRouter();
  const replay = useReplayRun(run.id);
  const resume = useResumeRun(run.id);
  const hintId = useId();
  const blocker = resumeBlocker(run.status);
  const [navigating, startNavigation] = useTransition();
  const busy = replay.isPending || resume.isPending || navigating;
  const open = ({ run: next }: { run: { id: string } }) =>
    startNavigation(() => router.push(`/runs/${encodeURIComponent(next.id)}`));
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap justify-end gap-2">
        <CopyJsonButton detail={detail} />
        <Button
          variant="outline"
          size="sm"
          onClick={() => downloadJson(`run-${run.id}.json`, detail)}
          data-testid="run-download-json"
        >
          <Download aria-hidden />
          Download JSON
        </Button>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="outline" size="sm" disabled={busy} data-testid="run-replay">
              {replay.isPending || (navigating && replay.isSuccess) ? (
                <Spinner />
              ) : (
                <Play aria-hidden />
              )}
              Replay
              <ChevronDown aria-hidden />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            <DropdownMenuLabel>Run again with the same input</DropdownMenuLabel>
            <DropdownMenuItem
              onSelect={() => replay.mutate("same", { onSuccess: open })}
              data-testid="run-replay-same"
            >
              {run.flowVersionId ? "Same version" : "Same graph (this run’s draft)"}
            </DropdownMenuItem>
            <DropdownMenuItem
              onSelect={() => replay.mutate("latest", { onSuccess: open })}
              data-testid="run-replay-latest"
            >
              Latest saved version
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
        <Button
          size="sm"
          aria-disabled={blocker !== null || busy}
          aria-describedby={blocker ? hintId : undefined}
          title={blocker ?? "Continue from the failed node, reusing every step before it"}
          className={cn(blocker !== null && "cursor-not-allowed opacity-50")}
          onClick={() => {
            if (blocker === null && !busy) resume.mutate(undefined, { onSuccess: open });
          }}
          data-testid="run-resume"
        >
          {resume.isPending || (navigating && resume.isSuccess) ? (
            <Spinner />
          ) : (
            <RotateCcw aria-hidden />
          )}
          Resume from failed node
        </Button>
        {blocker && (
          <span id={hintId} className="sr-only">
            {blocker}
          </span>
        )}
      </div>
      {replay.isError && <ActionError title="Could not replay the run" error={replay.error} />}
      {resume.isError && <ActionError title="Could not resume the run" error={resume.error} />}
    </div>
  );
}
