import { describe, expect, it } from "vitest";
import type { NodeAttemptDto } from "@/lib/schemas/runs";
import { formatTick, layoutTimeline, rowStatus, tickStep } from "./timeline-layout";

const T0 = Date.parse("2026-01-01T00:00:00.000Z");
const at = (ms: number) => new Date(T0 + ms).toISOString();

function attempt(overrides: Partial<NodeAttemptDto> & { nodeId: string }): NodeAttemptDto {
  return {
    nodeType: "llm",
    attempt: 1,
    status: "succeeded",
    source: "executed",
    final: true,
    renderedPrompt: null,
    promptVersionId: null,
    output: null,
    error: null,
    provider: "simulated",
    model: "sim-small",
    tier: null,
    tokensIn: 0,
    tokensOut: 0,
    tokensCached: 0,
    costUsd: "0",
    latencyMs: null,
    cacheHit: false,
    input: null,
    startedAt: at(0),
    finishedAt: null,
    ...overrides,
  };
}

describe("tickStep", () => {
  it("picks round steps for about five ticks", () => {
    expect(tickStep(1_000)).toBe(200);
    expect(tickStep(1_200)).toBe(250);
    expect(tickStep(90)).toBe(20);
    expect(tickStep(12_345)).toBe(2_500);
    expect(tickStep(0)).toBe(1);
    expect(tickStep(3)).toBe(1);
  });
});

describe("formatTick", () => {
  it("reads ms below a second, then seconds, then minutes", () => {
    expect([0, 250, 1_000, 2_500, 12_340, 90_000, 120_000].map(formatTick)).toEqual([
      "0 ms",
      "250 ms",
      "1 s",
      "2.5 s",
      "12.34 s",
      "1 min 30 s",
      "2 min",
    ]);
  });
});

describe("layoutTimeline", () => {
  it("asks for fewer ticks on a narrow axis", () => {
    const nodes = [attempt({ nodeId: "a", startedAt: at(0), latencyMs: 1_000 })];
    const run = { startedAt: at(0), finishedAt: at(1_000) };
    expect(layoutTimeline(run, nodes, { tickCount: 2 }).ticks.map((tick) => tick.ms)).toEqual([
      0, 500, 1_000,
    ]);
  });

  it("orders rows by first start and puts retries of a node in one row", () => {
    const nodes = [
      attempt({ nodeId: "reply", startedAt: at(300), finishedAt: at(500) }),
      attempt({ nodeId: "ask", status: "failed", startedAt: at(0), finishedAt: at(120) }),
      attempt({ nodeId: "ask", attempt: 2, startedAt: at(150), finishedAt: at(250) }),
      attempt({
        nodeId: "input",
        nodeType: "input",
        provider: null,
        model: null,
        startedAt: at(0),
        latencyMs: 0,
      }),
    ];
    const layout = layoutTimeline({ startedAt: at(0), finishedAt: at(500) }, nodes);
    expect(layout.rows.map((row) => row.nodeId)).toEqual(["ask", "input", "reply"]);
    const ask = layout.rows[0]!;
    expect(ask.bars.map((bar) => [bar.attempt, bar.status, bar.startMs, bar.endMs])).toEqual([
      [1, "failed", 0, 120],
      [2, "succeeded", 150, 250],
    ]);
    expect(ask.bars.map((bar) => bar.index)).toEqual([1, 2]);
    expect(rowStatus(ask)).toBe("succeeded");
    expect(layout.spanMs).toBe(500);
    expect(layout.ticks.map((tick) => tick.ms)).toEqual([0, 100, 200, 300, 400, 500]);
    const reply = layout.rows[2]!.bars[0]!;
    expect([reply.leftPct, reply.widthPct]).toEqual([60, 40]);
    expect(reply.latencyMs).toBe(200);
  });

  it("ends an attempt at start plus latency without a finish time, and measures from the run start", () => {
    const nodes = [attempt({ nodeId: "a", startedAt: at(100), latencyMs: 50 })];
    const layout = layoutTimeline({ startedAt: at(0), finishedAt: null }, nodes);
    const bar = layout.rows[0]!.bars[0]!;
    expect([bar.startMs, bar.endMs, bar.latencyMs]).toEqual([100, 150, 50]);
    expect(layout.spanMs).toBe(150);
  });

  it("extends a running attempt to now and keeps a waiting one at its start", () => {
    const nodes = [
      attempt({ nodeId: "a", status: "running", startedAt: at(0) }),
      attempt({ nodeId: "review", status: "waiting", startedAt: at(40) }),
    ];
    const layout = layoutTimeline({ startedAt: at(0), finishedAt: null }, nodes, { now: T0 + 80 });
    expect(layout.rows[0]!.bars[0]!.endMs).toBe(80);
    expect(layout.rows[1]!.bars[0]!).toMatchObject({ startMs: 40, endMs: 40, latencyMs: null });
  });

  it("marks a fallback tier, or an attempt whose provider, model or tier differs from the first", () => {
    const nodes = [
      attempt({ nodeId: "a", status: "failed", startedAt: at(0), latencyMs: 10 }),
      attempt({ nodeId: "a", attempt: 2, startedAt: at(20), latencyMs: 10 }),
      attempt({ nodeId: "a", attempt: 3, model: "sim-large", startedAt: at(40), latencyMs: 10 }),
      attempt({ nodeId: "b", cacheHit: true, source: "reused", startedAt: at(60), latencyMs: 0 }),
      attempt({ nodeId: "c", status: "skipped", startedAt: at(60), finishedAt: at(60) }),
      attempt({
        nodeId: "d",
        model: "sim-large",
        tier: "fallback-1",
        startedAt: at(60),
        latencyMs: 5,
      }),
    ];
    const bars = layoutTimeline({ startedAt: at(0), finishedAt: at(60) }, nodes).rows.flatMap(
      (row) => row.bars,
    );
    expect(bars.map((bar) => bar.fallback)).toEqual([false, false, true, false, false, true]);
    expect(bars[4]!.latencyMs).toBeNull();
    expect(bars[3]).toMatchObject({ cacheHit: true, source: "reused", widthPct: 0 });
  });

  it("lays out a run with no attempts as an empty axis", () => {
    expect(layoutTimeline({ startedAt: null, finishedAt: null }, [])).toEqual({
      rows: [],
      ticks: [{ ms: 0, pct: 0 }],
      spanMs: 0,
    });
    const started = layoutTimeline({ startedAt: at(0), finishedAt: null }, []);
    expect(started.rows).toEqual([]);
    expect(started.ticks[0]).toEqual({ ms: 0, pct: 0 });
  });
});
