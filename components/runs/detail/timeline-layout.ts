import type { NodeAttemptDto } from "@/lib/schemas/runs";

/** One attempt drawn as a bar: its time span relative to the run's start, in ms and in percent. */
export interface TimelineBar {
  /** Index of the attempt in the run's node list, for selecting it. */
  index: number;
  nodeId: string;
  attempt: number;
  status: string;
  source: NodeAttemptDto["source"];
  cacheHit: boolean;
  /** The attempt used another provider, model or tier than the node's first attempt. */
  fallback: boolean;
  startMs: number;
  endMs: number;
  latencyMs: number | null;
  leftPct: number;
  widthPct: number;
}

/** One node's row: its attempts in order. */
export interface TimelineRow {
  nodeId: string;
  nodeType: string;
  bars: TimelineBar[];
}

/** A labelled tick of the time axis. */
export interface TimelineTick {
  ms: number;
  pct: number;
}

/** Everything the timeline draws. */
export interface TimelineLayout {
  rows: TimelineRow[];
  ticks: TimelineTick[];
  /** Milliseconds from the run's start to the axis end. */
  spanMs: number;
}

/** What the layout needs of the run itself. */
export interface TimelineRun {
  startedAt: string | null;
  finishedAt: string | null;
}

const TICK_STEPS = [1, 2, 2.5, 5];

/** A round tick step so that about `count` ticks cover `spanMs` (1, 2, 2.5 or 5 times a power of ten). */
export function tickStep(spanMs: number, count = 5): number {
  const raw = Math.max(spanMs, 1) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = TICK_STEPS.find((factor) => factor * power >= raw) ?? 10;
  return Math.max(1, step * power);
}

/** Where an attempt ends: its finish time, else its start plus latency, else `now` while running. */
function attemptEnd(node: NodeAttemptDto, start: number, now: number): number {
  const finished = node.finishedAt ? Date.parse(node.finishedAt) : NaN;
  if (Number.isFinite(finished)) return Math.max(finished, start);
  if (node.latencyMs !== null) return start + node.latencyMs;
  return node.status === "running" ? Math.max(now, start) : start;
}

/**
 * True when a model attempt was answered by a fallback model (tier "fallback-n"), or used another
 * provider, model or tier than the node's first attempt.
 */
export function isFallback(first: NodeAttemptDto, node: NodeAttemptDto): boolean {
  if (node.tier?.startsWith("fallback")) return true;
  if (node.provider === null || first.provider === null) return false;
  return first.provider !== node.provider || first.model !== node.model || first.tier !== node.tier;
}

/** A tick label: "0 ms", "250 ms", "1 s", "2.5 s", "1 min 30 s". */
export function formatTick(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${Number((ms / 1_000).toFixed(2))} s`;
  const seconds = Math.round((ms % 60_000) / 1_000);
  return `${Math.floor(ms / 60_000)} min${seconds ? ` ${seconds} s` : ""}`;
}

/**
 * Lays out a run's attempts: one row per node in order of its first start, a bar per attempt from
 * its start to its end, and about `tickCount` ticks of a round step along the time axis. `now`
 * bounds attempts still in flight.
 */
export function layoutTimeline(
  run: TimelineRun,
  nodes: NodeAttemptDto[],
  { now = Date.now(), tickCount = 5 }: { now?: number; tickCount?: number } = {},
): TimelineLayout {
  const starts = nodes.map((node) => Date.parse(node.startedAt));
  const runStart = run.startedAt ? Date.parse(run.startedAt) : NaN;
  const origin = Math.min(...starts, Number.isFinite(runStart) ? runStart : Infinity);
  if (!Number.isFinite(origin)) return { rows: [], ticks: [{ ms: 0, pct: 0 }], spanMs: 0 };

  const ends = nodes.map((node, index) => attemptEnd(node, starts[index]!, now));
  const runEnd = run.finishedAt ? Date.parse(run.finishedAt) : NaN;
  const lastEnd = Math.max(origin, ...ends, Number.isFinite(runEnd) ? runEnd : origin);
  const spanMs = Math.max(1, lastEnd - origin);
  const step = tickStep(spanMs, tickCount);
  const axisEnd = Math.ceil(spanMs / step) * step;
  const pct = (ms: number) => (ms / axisEnd) * 100;

  const order = nodes
    .map((node, index) => ({ node, index, start: starts[index]! }))
    .sort((a, b) => a.start - b.start || a.node.attempt - b.node.attempt || a.index - b.index);
  const rows = new Map<string, TimelineRow>();
  const firsts = new Map<string, NodeAttemptDto>();
  for (const { node, index, start } of order) {
    const first = firsts.get(node.nodeId) ?? node;
    firsts.set(node.nodeId, first);
    let row = rows.get(node.nodeId);
    if (!row) {
      row = { nodeId: node.nodeId, nodeType: node.nodeType, bars: [] };
      rows.set(node.nodeId, row);
    }
    const startMs = start - origin;
    const endMs = ends[index]! - origin;
    row.bars.push({
      index,
      nodeId: node.nodeId,
      attempt: node.attempt,
      status: node.status,
      source: node.source,
      cacheHit: node.cacheHit,
      fallback: isFallback(first, node),
      startMs,
      endMs,
      latencyMs:
        node.status === "skipped"
          ? null
          : (node.latencyMs ?? (node.finishedAt ? endMs - startMs : null)),
      leftPct: pct(startMs),
      widthPct: pct(endMs - startMs),
    });
  }

  const ticks: TimelineTick[] = [];
  for (let ms = 0; ms <= axisEnd; ms += step) ticks.push({ ms, pct: pct(ms) });
  return { rows: [...rows.values()], ticks, spanMs: axisEnd };
}

/** The final status of a row: that of its last attempt. */
export function rowStatus(row: TimelineRow): string {
  return row.bars.at(-1)?.status ?? "queued";
}
