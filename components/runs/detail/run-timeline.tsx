"use client";

import { useEffect, useMemo, useState } from "react";
import { formatLatency } from "@/components/flows/format";
import { RunStatusBadge, statusLabel } from "@/components/flows/run-status-badge";
import {
  attemptMarkers,
  BAR_STYLES,
  LEGEND_STATUSES,
  MARKERS,
  UNKNOWN_BAR,
} from "@/components/runs/detail/attempt-style";
import {
  formatTick,
  layoutTimeline,
  rowStatus,
  type TimelineBar,
  type TimelineRow,
} from "@/components/runs/detail/timeline-layout";
import { cn } from "@/components/ui/cn";
import type { NodeAttemptDto, RunDto } from "@/lib/schemas/runs";

/** Smallest drawn bar, so an instant step stays visible and clickable. */
const MIN_BAR_PX = 8;

/** "ask attempt 2 failed, 120 ms, cache hit": what a bar says to a screen reader. */
export function barName(bar: TimelineBar): string {
  const markers = attemptMarkers(bar).map((marker) => marker.label.toLowerCase());
  return [
    `${bar.nodeId} attempt ${bar.attempt} ${statusLabel(bar.status).toLowerCase()}`,
    formatLatency(bar.latencyMs),
    ...markers,
  ].join(", ");
}

/** Status colours and markers, in words. */
function Legend() {
  return (
    <ul
      className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground"
      aria-label="Legend"
    >
      {LEGEND_STATUSES.map((status) => (
        <li key={status} className="flex items-center gap-1.5">
          <span
            className={cn("inline-block h-2.5 w-4 rounded-sm", BAR_STYLES[status]!.className)}
            aria-hidden
          />
          {statusLabel(status)}
        </li>
      ))}
      {Object.values(MARKERS).map(({ key, label, icon: Icon }) => (
        <li key={key} className="flex items-center gap-1">
          <Icon className="size-3.5" aria-hidden />
          {label}
        </li>
      ))}
    </ul>
  );
}

/** One attempt's bar: a button that selects it. */
function Bar({
  bar,
  selected,
  onSelect,
}: {
  bar: TimelineBar;
  selected: boolean;
  onSelect: () => void;
}) {
  const style = BAR_STYLES[bar.status] ?? UNKNOWN_BAR;
  const Icon = style.icon;
  return (
    <button
      type="button"
      data-testid="timeline-bar"
      data-node-id={bar.nodeId}
      data-attempt={bar.attempt}
      data-status={bar.status}
      aria-label={barName(bar)}
      aria-pressed={selected}
      title={barName(bar)}
      onClick={onSelect}
      className={cn(
        "absolute top-1 bottom-1 flex items-center overflow-hidden rounded-sm px-0.5 text-white shadow-xs transition-shadow hover:brightness-110 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        style.className,
        selected && "ring-2 ring-foreground ring-offset-1 ring-offset-background",
      )}
      style={{
        left: `min(${bar.leftPct}%, calc(100% - ${MIN_BAR_PX}px))`,
        width: `max(${bar.widthPct}%, ${MIN_BAR_PX}px)`,
      }}
    >
      <Icon className="size-3 shrink-0" aria-hidden />
      {attemptMarkers(bar).map(({ key, icon: MarkerIcon }) => (
        <MarkerIcon key={key} className="size-3 shrink-0" aria-hidden />
      ))}
    </button>
  );
}

/** The words beside a row: final status, total latency and any markers of its attempts. */
function RowSummary({ row }: { row: TimelineRow }) {
  const markers = new Map(row.bars.flatMap(attemptMarkers).map((marker) => [marker.key, marker]));
  const timed = row.bars.filter((bar) => bar.latencyMs !== null);
  const latency = timed.length ? timed.reduce((sum, bar) => sum + bar.latencyMs!, 0) : null;
  return (
    <div className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
      <RunStatusBadge status={rowStatus(row)} />
      <span className="tabular-nums">{formatLatency(latency)}</span>
      {row.bars.length > 1 && <span>{`${row.bars.length} attempts`}</span>}
      {[...markers.values()].map(({ key, label, icon: Icon }) => (
        <span key={key} className="flex items-center gap-0.5">
          <Icon className="size-3" aria-hidden />
          {label}
        </span>
      ))}
    </div>
  );
}

/** Vertical lines at the axis ticks, behind the bars. */
function Gridlines({ ticks }: { ticks: { pct: number }[] }) {
  return (
    <>
      {ticks.map((tick) => (
        <span
          key={tick.pct}
          className="absolute inset-y-0 w-px bg-border"
          style={{ left: `${tick.pct}%` }}
          aria-hidden
        />
      ))}
    </>
  );
}

/** Room for one tick label, in pixels. */
const TICK_PX = 90;

/** About how many ticks fit the axis element's width, kept up to date as it resizes. */
function useTickCount() {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [count, setCount] = useState(5);
  useEffect(() => {
    if (!element) return;
    const measure = () => setCount(Math.max(1, Math.floor(element.clientWidth / TICK_PX)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, count] as const;
}

const GRID = "grid grid-cols-[9rem_minmax(0,1fr)_13rem] items-center gap-x-3";

/**
 * The run as a Gantt chart: a row per node in order of first start, a bar per attempt (so retries
 * sit side by side), coloured and labelled by status, over a time axis in ms.
 */
export function RunTimeline({
  run,
  nodes,
  selected,
  onSelect,
}: {
  run: RunDto;
  nodes: NodeAttemptDto[];
  /** Index in `nodes` of the selected attempt. */
  selected: number | null;
  onSelect: (index: number) => void;
}) {
  const [axisRef, tickCount] = useTickCount();
  const layout = useMemo(() => layoutTimeline(run, nodes, { tickCount }), [run, nodes, tickCount]);
  return (
    <section
      aria-labelledby="run-timeline-heading"
      className="flex min-w-0 flex-col gap-3"
      data-testid="run-timeline"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="run-timeline-heading" className="text-base font-semibold tracking-tight">
          Timeline
        </h2>
        <Legend />
      </div>
      {layout.rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">No steps have finished yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-md border p-3">
          <div className="min-w-[36rem]">
            <div className={cn(GRID, "pb-1 text-[0.7rem] text-muted-foreground")} aria-hidden>
              <span>Node</span>
              <div ref={axisRef} className="relative h-4">
                {layout.ticks.map((tick, index) => (
                  <span
                    key={tick.ms}
                    className={cn(
                      "absolute whitespace-nowrap tabular-nums",
                      index === 0
                        ? ""
                        : index === layout.ticks.length - 1
                          ? "-translate-x-full"
                          : "-translate-x-1/2",
                    )}
                    style={{ left: `${tick.pct}%` }}
                  >
                    {formatTick(tick.ms)}
                  </span>
                ))}
              </div>
              <span>Result</span>
            </div>
            <ol aria-label="Steps in order of start" className="flex flex-col">
              {layout.rows.map((row) => (
                <li
                  key={row.nodeId}
                  className={cn(GRID, "border-t py-1")}
                  data-testid="run-node"
                  data-node-id={row.nodeId}
                >
                  <div className="min-w-0">
                    <p className="truncate font-mono text-xs font-medium" title={row.nodeId}>
                      {row.nodeId}
                    </p>
                    <p className="truncate text-[0.7rem] text-muted-foreground">{row.nodeType}</p>
                  </div>
                  <div className="relative h-8">
                    <Gridlines ticks={layout.ticks} />
                    {row.bars.map((bar) => (
                      <Bar
                        key={bar.index}
                        bar={bar}
                        selected={selected === bar.index}
                        onSelect={() => onSelect(bar.index)}
                      />
                    ))}
                  </div>
                  <RowSummary row={row} />
                </li>
              ))}
            </ol>
          </div>
        </div>
      )}
    </section>
  );
}
