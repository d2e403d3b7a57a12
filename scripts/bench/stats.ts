/** One benchmark figure, printed as a JSON line in the ARCHITECTURE.md section 9 format. */
export interface BenchResult {
  bench: "engine" | "canvas" | "dashboard" | "endpoint" | "queue";
  scenario: string;
  unit: string;
  ours: number;
  peer: number | null;
  ratio: number | null;
  target: string;
}

/** Marks a result line on a child's stdout (the parent collects these). */
export const RESULT_PREFIX = "BENCH_RESULT ";

/** A figure with how it was measured, for the printed table. */
export interface Measured {
  result: BenchResult;
  detail: string;
  /** Failed requests or runs behind the figure; any makes the figure miss its target. */
  errors?: number;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** A result; `ratio` = ours / peer when there is a peer. */
export function benchResult(
  scenario: string,
  unit: string,
  ours: number,
  peer: number | null,
  target: string,
): BenchResult {
  const digits = unit === "ms" ? 3 : 2;
  return {
    bench: "engine",
    scenario,
    unit,
    ours: round(ours, digits),
    peer: peer === null ? null : round(peer, digits),
    ratio: peer === null ? null : round(ours / peer, 4),
    target,
  };
}

/** The q-quantile (0-1) of samples, nearest rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error("no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** The median of samples. */
export const median = (samples: readonly number[]) => quantile(samples, 0.5);

/**
 * Whether a figure meets its target: "<=0.05" or ">=0.5" on the ratio when there is a peer (else on
 * ours), or "<peer+20" on ours against the peer's figure plus a margin in the figures' unit.
 */
export function meetsTarget(result: BenchResult): boolean {
  const margin = /^<\s*peer\s*\+\s*([\d.]+)$/.exec(result.target);
  if (margin) return result.peer !== null && result.ours < result.peer + Number(margin[1]);
  const match = /^(<=|>=)\s*([\d.]+)$/.exec(result.target);
  if (!match) return false;
  const value = result.ratio ?? result.ours;
  return match[1] === "<=" ? value <= Number(match[2]) : value >= Number(match[2]);
}

function pad(cells: string[], widths: number[]): string {
  return cells
    .map((cell, i) => cell.padEnd(widths[i]!))
    .join("  ")
    .trimEnd();
}

/** The readable table: one row per figure, then how each was measured. */
export function formatTable(rows: readonly Measured[]): string {
  const header = ["scenario", "unit", "ours", "peer", "ratio", "target", "met"];
  const body = rows.map(({ result: r, errors }) => [
    r.scenario,
    r.unit,
    String(r.ours),
    r.peer === null ? "-" : String(r.peer),
    r.ratio === null ? "-" : String(r.ratio),
    r.target,
    errors ? "NO (errors)" : meetsTarget(r) ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const lines = [pad(header, widths), widths.map((w) => "-".repeat(w)).join("  ")];
  for (const row of body) lines.push(pad(row, widths));
  lines.push("", ...rows.map(({ result, detail }) => `${result.scenario}: ${detail}`));
  return lines.join("\n");
}
