import {
  Ban,
  Check,
  CircleDashed,
  Clock,
  Database,
  LoaderCircle,
  MinusCircle,
  Pin,
  Recycle,
  Shuffle,
  UserCheck,
  X,
  type LucideIcon,
} from "lucide-react";
import type { TimelineBar } from "@/components/runs/detail/timeline-layout";

/** How a bar of each attempt status is filled, and the icon drawn on it. */
export const BAR_STYLES: Record<string, { className: string; icon: LucideIcon }> = {
  succeeded: { className: "bg-green-600 dark:bg-green-500", icon: Check },
  failed: { className: "bg-red-600 dark:bg-red-500", icon: X },
  skipped: {
    className:
      "border border-dashed border-muted-foreground/60 bg-[repeating-linear-gradient(135deg,transparent_0_3px,var(--muted-foreground)_3px_4px)] opacity-70",
    icon: MinusCircle,
  },
  waiting: { className: "bg-amber-500 dark:bg-amber-400", icon: UserCheck },
  running: { className: "animate-pulse bg-indigo-500 dark:bg-indigo-400", icon: LoaderCircle },
  queued: { className: "bg-indigo-300 dark:bg-indigo-700", icon: Clock },
  cancelled: { className: "bg-zinc-400 dark:bg-zinc-500", icon: Ban },
};

/** The style of a status not listed above. */
export const UNKNOWN_BAR = { className: "bg-zinc-400", icon: CircleDashed };

/** Statuses the legend explains, in order. */
export const LEGEND_STATUSES = ["succeeded", "failed", "skipped", "waiting", "running"] as const;

/** A marker on an attempt: cache hit, fallback, reused or pinned; with its icon and words. */
export interface AttemptMarker {
  key: "cache" | "fallback" | "reused" | "pinned";
  label: string;
  icon: LucideIcon;
}

/** Every marker kind, for the legend. */
export const MARKERS: Record<AttemptMarker["key"], AttemptMarker> = {
  cache: { key: "cache", label: "Cache hit", icon: Database },
  fallback: { key: "fallback", label: "Fallback", icon: Shuffle },
  reused: { key: "reused", label: "Reused", icon: Recycle },
  pinned: { key: "pinned", label: "Pinned", icon: Pin },
};

/** The markers that apply to one attempt. */
export function attemptMarkers(bar: Pick<TimelineBar, "cacheHit" | "fallback" | "source">) {
  const markers: AttemptMarker[] = [];
  if (bar.cacheHit) markers.push(MARKERS.cache);
  if (bar.fallback) markers.push(MARKERS.fallback);
  if (bar.source === "reused") markers.push(MARKERS.reused);
  if (bar.source === "pinned") markers.push(MARKERS.pinned);
  return markers;
}
