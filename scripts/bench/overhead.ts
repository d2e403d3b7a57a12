import { isDeepStrictEqual } from "node:util";
import { compileFlow, runFlow, validateFlow, type FlowGraph } from "@/lib/engine";
import { benchRegistry, chainGraph, fanOutGraph, flowNode, idlePorts, passNode } from "./flows";
import { peerChain, peerFanOut, type PeerGraph } from "./peer";
import { benchResult, median, type Measured } from "./stats";

type Invoke = () => Promise<unknown>;

interface Scenario {
  name: string;
  /** Executed nodes per run, the same on both sides (Input and Output included). */
  nodes: number;
  graph: FlowGraph;
  peer: PeerGraph;
  expected: unknown;
  rounds: number;
  /** Minimum time one round keeps invoking (each side), so short runs are timed in batches. */
  roundMs: { ours: number; peer: number };
}

const INPUT = { question: "How far is the moon?" };
const TARGET = "<=0.05";

function scenarios(): Scenario[] {
  const chain = (length: number, rounds: number, roundMs: Scenario["roundMs"]): Scenario => ({
    name: `chain-${length}`,
    nodes: length,
    graph: chainGraph(length),
    peer: peerChain(length),
    expected: INPUT,
    rounds,
    roundMs,
  });
  const branches = Array.from({ length: 5 }, (_, i) => flowNode(`b${i}`, passNode.type));
  return [
    chain(3, 300, { ours: 2, peer: 2 }),
    chain(10, 300, { ours: 2, peer: 2 }),
    {
      name: "fanout-5",
      nodes: 8,
      graph: fanOutGraph(branches),
      peer: peerFanOut(5),
      expected: Array(5).fill(INPUT),
      rounds: 300,
      roundMs: { ours: 2, peer: 2 },
    },
    chain(1000, 10, { ours: 0, peer: 0 }),
  ];
}

/** Our side: validated and compiled once, outside the timed loop; no event listener. */
function oursOf(graph: FlowGraph): Invoke {
  const errors = validateFlow(graph, benchRegistry).filter((i) => i.severity === "error");
  if (errors.length > 0) throw new Error(`Benchmark flow is invalid: ${errors[0]!.message}`);
  const compiled = compileFlow(graph, benchRegistry);
  const options = { runId: "bench", graph, registry: benchRegistry, ports: idlePorts, compiled };
  return async () => {
    const result = await runFlow({ ...options, input: INPUT });
    if (result.status !== "succeeded") throw new Error(`Run ${result.status}`);
    return result.output;
  };
}

/** Microseconds per invocation of one batch: wall-clock, and CPU time of this process (all threads). */
interface BatchTime {
  wall: number;
  cpu: number;
}

/** Invokes until `minMs` of wall time passed (at least once). */
async function timeBatch(invoke: Invoke, minMs: number): Promise<BatchTime> {
  let count = 0;
  let elapsed = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  do {
    await invoke();
    count++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  const cpu = process.cpuUsage(cpuStart);
  return { wall: (elapsed * 1000) / count, cpu: (cpu.user + cpu.system) / count };
}

async function warmUp(name: string, invoke: Invoke, expected: unknown, ms: number): Promise<void> {
  const output = await invoke();
  if (!isDeepStrictEqual(output, expected)) {
    throw new Error(`${name} returned ${JSON.stringify(output).slice(0, 200)}`);
  }
  await timeBatch(invoke, ms);
}

async function measure(s: Scenario): Promise<Measured> {
  const ours = oursOf(s.graph);
  const peer = () => s.peer.invoke(INPUT);
  await warmUp(`ours ${s.name}`, ours, s.expected, 400);
  await warmUp(`peer ${s.name}`, peer, s.expected, s.nodes > 100 ? 0 : 400);
  const oursTimes: BatchTime[] = [];
  const peerTimes: BatchTime[] = [];
  for (let round = 0; round < s.rounds; round++) {
    oursTimes.push(await timeBatch(ours, s.roundMs.ours));
    peerTimes.push(await timeBatch(peer, s.roundMs.peer));
  }
  const perNode = (xs: BatchTime[], key: keyof BatchTime) =>
    median(xs.map((x) => x[key])) / s.nodes;
  const ourWall = perNode(oursTimes, "wall");
  const result = benchResult(s.name, "us/node", ourWall, perNode(peerTimes, "wall"), TARGET);
  const cpu = [perNode(oursTimes, "cpu"), perNode(peerTimes, "cpu")] as const;
  const perRound =
    s.roundMs.ours > 0 ? `>= ${s.roundMs.ours} ms of runs per side` : "one run per side";
  const least = (xs: BatchTime[]) => (Math.min(...xs.map((x) => x.wall)) / s.nodes).toFixed(1);
  return {
    result,
    detail:
      `${s.nodes} nodes/run, ${s.rounds} interleaved rounds (${perRound}), ` +
      `median of per-round wall means; fastest round ours ${least(oursTimes)}, peer ${least(peerTimes)} us/node; ` +
      `by CPU time ours ${cpu[0].toFixed(1)}, peer ${cpu[1].toFixed(1)} us/node (ratio ${(cpu[0] / cpu[1]).toFixed(4)})`,
  };
}

/** Part 1: engine overhead per node, ours vs LangGraph JS, interleaved in one process. */
export async function benchOverhead(log: (line: string) => void): Promise<Measured[]> {
  const out: Measured[] = [];
  for (const s of scenarios()) {
    log(`engine overhead: ${s.name} ...`);
    out.push(await measure(s));
  }
  return out;
}
