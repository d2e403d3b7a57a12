import {
  Check,
  Clock,
  History,
  LoaderCircle,
  MinusCircle,
  Pin,
  UserCheck,
  X,
  type LucideIcon,
} from "lucide-react";
import { formatCost } from "@/components/flows/format";
import { cn } from "@/components/ui/cn";

/** A node's state in the last run, drawn on the canvas. */
export interface NodeRunBadge {
  status: string;
  /** Set when the result was not executed in this run. */
  source?: "pinned" | "reused";
  attempt: number;
  latencyMs: number | null;
  costUsd: number;
  tokens: number;
}

interface Look {
  label: string;
  icon: LucideIcon;
  chip: string;
  /** Tints the whole node, so the state reads at any zoom. */
  ring?: string;
}

const LOOKS: Record<string, Look> = {
  queued: {
    label: "Queued",
    icon: Clock,
    chip: "border-zinc-300 bg-zinc-50 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300",
  },
  running: {
    label: "Running",
    icon: LoaderCircle,
    chip: "border-indigo-300 bg-indigo-50 text-indigo-800 dark:border-indigo-900 dark:bg-indigo-950/60 dark:text-indigo-300",
    ring: "ring-2 ring-indigo-500/70",
  },
  succeeded: {
    label: "Succeeded",
    icon: Check,
    chip: "border-green-300 bg-green-50 text-green-800 dark:border-green-900 dark:bg-green-950/60 dark:text-green-300",
    ring: "ring-2 ring-green-500/70",
  },
  failed: {
    label: "Failed",
    icon: X,
    chip: "border-red-300 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-300",
    ring: "ring-2 ring-red-500/80",
  },
  skipped: {
    label: "Skipped",
    icon: MinusCircle,
    chip: "border-zinc-300 bg-zinc-50 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300",
    ring: "border-dashed border-zinc-400",
  },
  waiting: {
    label: "Waiting for review",
    icon: UserCheck,
    chip: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-300",
    ring: "ring-2 ring-amber-500/80",
  },
};

const SOURCES = {
  pinned: {
    label: "Pinned",
    icon: Pin,
    chip: "border-violet-300 bg-violet-50 text-violet-800 dark:border-violet-900 dark:bg-violet-950/60 dark:text-violet-300",
  },
  reused: {
    label: "Reused",
    icon: History,
    chip: "border-sky-300 bg-sky-50 text-sky-800 dark:border-sky-900 dark:bg-sky-950/60 dark:text-sky-300",
  },
} as const;

/** The ring or border a run state gives the whole node. */
export function runRing(run: NodeRunBadge | undefined): string | undefined {
  return run ? LOOKS[run.status]?.ring : undefined;
}

function costLabel(cost: number): string | null {
  if (!Number.isFinite(cost) || cost === 0) return null;
  return cost < 0.01 ? formatCost(cost) : `$${cost.toFixed(2)}`;
}

function Chip({ look, children }: { look: Pick<Look, "icon" | "chip">; children: string }) {
  const Icon = look.icon;
  return (
    <span
      className={cn(
        "inline-flex items-center gap-0.5 rounded-md border px-1.5 py-0.5 font-medium",
        look.chip,
      )}
    >
      <Icon className={cn("size-3", Icon === LoaderCircle && "animate-spin")} aria-hidden />
      {children}
    </span>
  );
}

/** The run footer of a canvas node: state (icon and text), where the result came from, latency, tokens, cost. */
export function NodeRunFooter({ run }: { run: NodeRunBadge }) {
  const look = LOOKS[run.status] ?? { ...LOOKS.queued!, label: run.status };
  const cost = costLabel(run.costUsd);
  return (
    <div
      data-testid="node-run"
      data-status={run.status}
      data-source={run.source ?? "executed"}
      className="flex flex-wrap items-center gap-1 border-t px-3 py-1.5 text-[11px]"
    >
      <Chip look={look}>
        {run.status === "running" && run.attempt > 1 ? `Retry ${run.attempt - 1}` : look.label}
      </Chip>
      {run.source && <Chip look={SOURCES[run.source]}>{SOURCES[run.source].label}</Chip>}
      {run.latencyMs !== null && !run.source && (
        <span className="text-muted-foreground">{run.latencyMs} ms</span>
      )}
      {run.tokens > 0 && !run.source && (
        <span className="text-muted-foreground">{run.tokens} tok</span>
      )}
      {cost && !run.source && <span className="text-muted-foreground">{cost}</span>}
    </div>
  );
}

/** The mark of a node whose output is pinned in the draft. */
export function PinnedMark() {
  return (
    <span
      data-testid="node-pinned"
      title="Runs of the draft use this node's pinned output instead of running it."
      className={cn(
        "flex shrink-0 items-center gap-0.5 rounded-md border px-1 py-0.5 text-[11px] font-medium",
        SOURCES.pinned.chip,
      )}
    >
      <Pin className="size-3" aria-hidden />
      Pinned
    </span>
  );
}
