/**
 * `npm run bench:canvas`: our flow editor against a bare React Flow page showing the same graph
 * with default nodes, in one headless Chromium run: time to open a 500-node flow, and p95 frame
 * time while panning and zooming 300 and 1,000 nodes. Prints a table, PASS or MISS per scenario
 * (target ours/bare <= 1.5), then one JSON line per scenario (ARCHITECTURE.md section 9) as the
 * last lines. Exits 0 whatever the figures: it fails only when it could not measure.
 *
 * Env: BENCH_CANVAS_ROUNDS (default 3), BENCH_CANVAS_PORT (default 3115), and
 * BENCH_CANVAS_SCENARIOS, a comma-separated subset for quick probes (open-500, pan-300, zoom-300,
 * pan-1000, zoom-1000; default all): only the flows those scenarios need are created and visited.
 */
import { chromium, type BrowserContext } from "@playwright/test";
import playwrightConfig from "../../playwright.config";
import { createFlow, flowState, setUpAdmin } from "./canvas/api";
import { layeredGraph } from "./canvas/graph";
import { canvasSize, visit, type VisitFigures } from "./canvas/measure";
import { startServer } from "./canvas/server";
import { runBench, type BenchLifecycle } from "./lifecycle";
import { benchResult, formatTable, median, meetsTarget, type Measured } from "./stats";

const PORT = Number(process.env.BENCH_CANVAS_PORT || 3115);
const ROUNDS = Number(process.env.BENCH_CANVAS_ROUNDS || 3);
const TARGET = "<=1.5";
const VIEWPORT = { width: 1280, height: 800 };
const KINDS = ["ours", "bare"] as const;
type Kind = (typeof KINDS)[number];

const SELECTED = process.env.BENCH_CANVAS_SCENARIOS?.split(",").map((name) => name.trim());
const selected = (scenario: string) => !SELECTED || SELECTED.includes(scenario);
const SCENARIOS = ["open-500", "pan-300", "zoom-300", "pan-1000", "zoom-1000"];
const unknown = SELECTED?.filter((name) => !SCENARIOS.includes(name)) ?? [];
if (unknown.length > 0) throw new Error(`unknown BENCH_CANVAS_SCENARIOS: ${unknown.join(", ")}`);

/** Flow sizes and what each is measured for (the selected scenarios only). */
const FLOWS = [
  { nodes: 300, open: false, frames: true },
  { nodes: 500, open: true, frames: false },
  { nodes: 1_000, open: false, frames: true },
]
  .map((flow) => ({
    ...flow,
    open: flow.open && selected(`open-${flow.nodes}`),
    frames: flow.frames && (selected(`pan-${flow.nodes}`) || selected(`zoom-${flow.nodes}`)),
  }))
  .filter((flow) => flow.open || flow.frames);

interface BenchFlow {
  id: string;
  nodes: number;
  open: boolean;
  frames: boolean;
  expected: { nodes: number; edges: number };
}

const log = (line: string) => console.error(line);

/** Per scenario, the figure of every round for ours and for the bare page. */
class Samples {
  readonly byScenario = new Map<string, Record<Kind, number[]>>();

  add(scenario: string, kind: Kind, value: number | undefined): void {
    if (value === undefined) return;
    if (!this.byScenario.has(scenario)) this.byScenario.set(scenario, { ours: [], bare: [] });
    this.byScenario.get(scenario)![kind].push(value);
  }

  record(flow: BenchFlow, kind: Kind, figures: VisitFigures): void {
    if (flow.open) this.add(`open-${flow.nodes}`, kind, figures.openMs);
    if (selected(`pan-${flow.nodes}`)) this.add(`pan-${flow.nodes}-p95`, kind, figures.panP95Ms);
    if (selected(`zoom-${flow.nodes}`)) this.add(`zoom-${flow.nodes}-p95`, kind, figures.zoomP95Ms);
  }
}

async function createFlows(context: BrowserContext): Promise<BenchFlow[]> {
  const flows: BenchFlow[] = [];
  for (const spec of FLOWS) {
    const graph = layeredGraph(spec.nodes);
    const id = await createFlow(context.request, `Canvas bench ${spec.nodes} nodes`, graph);
    const { issues } = await flowState(context.request, id);
    if (issues > 0) throw new Error(`the ${spec.nodes}-node bench flow has ${issues} issues`);
    flows.push({ ...spec, id, expected: { nodes: graph.nodes.length, edges: graph.edges.length } });
  }
  return flows;
}

const SCENARIO_DETAIL: Record<string, string> = {
  open: "navigation start to the first frame after every node is measured, every edge drawn and the view fitted",
  pan: "p95 of frame intervals while dragging the pane 160x100 px there and back, 4 times, 15 moves each way",
  zoom: "p95 of frame intervals while wheeling 12 steps in and 12 out over the canvas centre, 3 times",
};

function report(samples: Samples, canvas: string, seconds: string, untouched: boolean): number {
  const measured: Measured[] = [...samples.byScenario].map(([scenario, figures]) => ({
    result: {
      ...benchResult(scenario, "ms", median(figures.ours), median(figures.bare), TARGET),
      bench: "canvas",
    },
    detail: `${SCENARIO_DETAIL[scenario.split("-")[0]!]}; median of ${figures.ours.length} rounds`,
  }));
  console.log(`\nbench:canvas (${seconds} s)\n`);
  console.log(formatTable(measured));
  console.log("");
  for (const { result } of measured) {
    const verdict = meetsTarget(result) ? "PASS" : "MISS";
    console.log(`${verdict} ${result.scenario}: ours/bare ${result.ratio} (target ${TARGET})`);
  }
  console.log(
    `\nNotes: headless Chromium with software rendering (only the ratios count); ${VIEWPORT.width}x` +
      `${VIEWPORT.height} window. Ours = the flow editor (/flows/:id) with its palette, inspector, ` +
      `problems panel, minimap, controls and background; bare = <ReactFlow fitView> with default ` +
      `nodes and nothing else (/bench/canvas), sized like the editor's canvas (${canvas}) and framed ` +
      `the same way (padding 0.15, zoom 0.1-1). Same layered DAG of real node types; pages ` +
      `alternate ours/bare each round, one page open at a time.\n`,
  );
  if (!untouched)
    console.log("WARNING: a bench flow was saved during the run (did a drag move a node?)\n");
  for (const { result } of measured) console.log(JSON.stringify(result));
  return 0;
}

async function main(bench: BenchLifecycle): Promise<number> {
  const started = performance.now();
  const server = await startServer({
    port: PORT,
    dataDir: ".test-data/bench-canvas",
    distDir: ".next-bench",
    log,
  });
  bench.onCleanup(server.stop);
  const launch = playwrightConfig.use?.launchOptions ?? {};
  const browser = await chromium.launch({
    executablePath: launch.executablePath,
    args: launch.args,
  });
  bench.onCleanup(() => browser.close());
  const context = await browser.newContext({ baseURL: server.baseUrl, viewport: VIEWPORT });
  await setUpAdmin(context.request);
  const flows = await createFlows(context);

  // Warm-up visits (not counted): fill the HTTP cache and learn the editor's canvas size.
  let canvas = { width: 0, height: 0 };
  const warmUp = flows[0]!;
  await visit(context, `/flows/${warmUp.id}`, warmUp.expected, {
    frames: false,
    onOpen: async (page) => {
      canvas = await canvasSize(page);
    },
  });
  const urls: Record<Kind, (id: string) => string> = {
    ours: (id) => `/flows/${id}`,
    bare: (id) => `/bench/canvas?flow=${id}&w=${canvas.width}&h=${canvas.height}`,
  };
  await visit(context, urls.bare(warmUp.id), warmUp.expected, { frames: false });

  const samples = new Samples();
  for (let round = 1; round <= ROUNDS; round++) {
    for (const flow of flows) {
      const kinds = round % 2 === 1 ? KINDS : [...KINDS].reverse();
      for (const kind of kinds) {
        if (bench.stopping()) return 130;
        const figures = await visit(context, urls[kind](flow.id), flow.expected, flow);
        samples.record(flow, kind, figures);
        log(`round ${round}/${ROUNDS} ${flow.nodes} nodes ${kind}: ${JSON.stringify(figures)}`);
      }
    }
  }
  const states = await Promise.all(flows.map((flow) => flowState(context.request, flow.id)));
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  return report(
    samples,
    `${canvas.width}x${canvas.height}`,
    seconds,
    states.every((state) => state.revision === 1),
  );
}

runBench(main);
