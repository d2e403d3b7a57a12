import { failureCount, mergeFigures, type LoadFigures } from "./load";
import type { StoredCalls } from "./services";
import {
  benchResult,
  formatTable,
  median,
  meetsTarget,
  quantile,
  type BenchResult,
  type Measured,
} from "../stats";

/** Every measurement of one side (ours or the peer), warm-ups included. */
export interface Side {
  warmUp: LoadFigures[];
  throughput: LoadFigures[];
  rate: LoadFigures[];
}

/** How the run was set up: the measurement settings and the notes to print. */
export interface RunSetup {
  seconds: number;
  rounds: number;
  connections: number;
  rate: number;
  rateConnections: number;
  notes: string[];
}

const THROUGHPUT_TARGET = ">=0.5";
const P99_MARGIN_MS = 20;

const fixed = (value: number) => value.toFixed(1);
const everything = (side: Side) => mergeFigures([...side.warmUp, ...side.throughput, ...side.rate]);

/** A side's failed requests by kind ("2 timeouts, 5 answers 503"), or "none". */
function describeFailures(figures: LoadFigures): string {
  const { errors, timeouts, statuses } = figures.failures;
  const parts: [string, number][] = [
    ["connection errors", errors - timeouts],
    ["timeouts", timeouts],
    ...Object.entries(statuses).map(([status, n]): [string, number] => [`answers ${status}`, n]),
  ];
  const found = parts.filter(([, n]) => n > 0).map(([what, n]) => `${n} ${what}`);
  return found.join(", ") || "none";
}

/** What the database contradicts: runs that did not succeed, 200 answers with nothing stored. */
function storedProblems(ours: LoadFigures, peer: LoadFigures, stored: StoredCalls): string[] {
  const problems = Object.entries(stored.runs)
    .filter(([status]) => status !== "succeeded")
    .map(([status, n]) =>
      ["queued", "running"].includes(status) ? `${n} runs left ${status}` : `${n} runs ${status}`,
    );
  const succeeded = stored.runs.succeeded ?? 0;
  if (succeeded < ours.ok) problems.push(`ours answered ${ours.ok} x 200 for ${succeeded} runs`);
  if (stored.peerRows < peer.ok)
    problems.push(`the peer answered ${peer.ok} x 200 for ${stored.peerRows} rows`);
  return problems;
}

function verdicts(throughput: BenchResult, latency: BenchResult, valid: boolean): string[] {
  const verdict = (result: BenchResult) => (valid && meetsTarget(result) ? "PASS" : "MISS");
  const difference = latency.ours - latency.peer!;
  return [
    `${verdict(throughput)} throughput: ours ${throughput.ours} runs/s, peer ${throughput.peer} ` +
      `runs/s, ours/peer ${throughput.ratio} (target ${THROUGHPUT_TARGET})`,
    `${verdict(latency)} p99-at-100rps: ours ${fixed(latency.ours)} ms, peer ` +
      `${fixed(latency.peer!)} ms, ours - peer ${difference >= 0 ? "+" : ""}` +
      `${fixed(difference)} ms (target < peer + ${P99_MARGIN_MS} ms)`,
  ];
}

/** Prints the table, PASS or MISS per scenario, failures and notes, then the JSON lines last. */
export function report(ours: Side, peer: Side, stored: StoredCalls, setup: RunSetup): void {
  const all = { ours: everything(ours), peer: everything(peer) };
  const contradictions = storedProblems(all.ours, all.peer, stored);
  const errors = failureCount(all.ours) + failureCount(all.peer) + contradictions.length;
  const problems = [
    ...(failureCount(all.ours) ? [`ours: ${describeFailures(all.ours)}`] : []),
    ...(failureCount(all.peer) ? [`peer: ${describeFailures(all.peer)}`] : []),
    ...contradictions,
  ];

  const rps = (side: Side) => side.throughput.map((f) => f.ok / f.seconds);
  const atRate = (side: Side) => mergeFigures(side.rate);
  const percentile = (side: Side, q: number) => {
    const { latencies } = atRate(side);
    return latencies.length > 0 ? quantile(latencies, q) : Number.NaN;
  };
  const answeredPerSecond = (side: Side) => {
    const figures = atRate(side);
    return (figures.ok + failureCount(figures)) / figures.seconds;
  };
  const behind = Object.entries({ ours, peer }).filter(
    ([, side]) => answeredPerSecond(side) < 0.95 * setup.rate,
  );
  const rateDetail = (side: Side) => {
    const figures = atRate(side);
    return (
      `${figures.ok} answers, ${fixed(answeredPerSecond(side))} answered/s, ` +
      `p50 ${fixed(percentile(side, 0.5))} ms`
    );
  };
  const throughput = benchResult(
    "throughput",
    "runs/s",
    median(rps(ours)),
    median(rps(peer)),
    THROUGHPUT_TARGET,
  );
  const latency = benchResult(
    "p99-at-100rps",
    "ms",
    percentile(ours, 0.99),
    percentile(peer, 0.99),
    `<peer+${P99_MARGIN_MS}`,
  );
  const measured: Measured[] = [
    {
      result: { ...throughput, bench: "endpoint" },
      detail:
        `200 answers per second, closed loop over ${setup.connections} connections, ` +
        `${setup.seconds} s each, median of ${setup.rounds} rounds (ours ` +
        `${rps(ours).map(fixed).join(", ")}; peer ${rps(peer).map(fixed).join(", ")})`,
      errors,
    },
    {
      result: { ...latency, bench: "endpoint" },
      detail:
        `p99 of the 200 answers' latency at ${setup.rate} requests/s (autocannon overallRate, ` +
        `${setup.rateConnections} staggered clients), pooled over ${setup.rounds} rounds of ` +
        `${setup.seconds} s (ours ${rateDetail(ours)}; peer ${rateDetail(peer)})`,
      errors,
    },
  ];
  console.log(formatTable(measured));
  console.log(`\n${verdicts(throughput, latency, errors === 0).join("\n")}`);
  for (const [kind, side] of behind) {
    console.log(
      `  (${kind} did not keep up with ${setup.rate} requests/s: ${fixed(answeredPerSecond(side))}/s answered)`,
    );
  }
  console.log(
    `\nFailed requests: ours ${describeFailures(all.ours)}; peer ${describeFailures(all.peer)}.` +
      `\nStored: runs ${JSON.stringify(stored.runs)}, peer rows ${stored.peerRows} (warm-ups and ` +
      `requests cut off at the end of a measurement included).`,
  );
  if (errors > 0) {
    console.log(
      `\n!!! ERRORS: ${problems.join("; ")}. These figures are not valid: nothing passes. !!!`,
    );
  }
  console.log(`\nNotes: ${setup.notes.join(" ")}\n`);
  for (const { result } of measured) console.log(JSON.stringify(result));
}
