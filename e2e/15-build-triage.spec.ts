import { expect, test, type Page } from "@playwright/test";
import { connect, handle } from "./canvas";
import { expectAccessible, signIn } from "./support";

interface GraphNode {
  id: string;
  type: string;
  label?: string;
  config: Record<string, unknown>;
}
interface GraphEdge {
  source: string;
  sourcePort: string;
  target: string;
  targetPort: string;
}
interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}
interface NodeAttempt {
  nodeId: string;
  status: string;
  final: boolean;
  tokensIn: number;
  tokensOut: number;
  costUsd: string;
}

const FLOW_NAME = "Ticket triage, built by hand";
const BILLING_TICKET = {
  subject: "Charged twice this month",
  body: "I was charged twice on my invoice this month, please refund one payment.",
};

// Wide enough that the whole flow fits the canvas at a zoom where handles are still easy to hit.
test.use({ viewport: { width: 2600, height: 1300 }, actionTimeout: 20_000 });

const shot = (page: Page, name: string) =>
  page.screenshot({ path: test.info().outputPath(`${name}.png`) });

const flowNode = (page: Page, nodeId: string) =>
  page.locator(`[data-testid="flow-node"][data-node-id="${nodeId}"]`);

/** A left-button drag with real pointer moves, between two page points. */
async function mouseDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  // React Flow starts a node drag on the first move past its threshold and measures from there.
  await page.mouse.move(from.x + 2, from.y + 2);
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/** The canvas transform: flow point p shows at (x + p.x * zoom, y + p.y * zoom) in the canvas. */
async function viewport(page: Page) {
  return page.locator(".react-flow__viewport").evaluate((el) => {
    const m = new DOMMatrix(getComputedStyle(el).transform);
    return { x: m.e, y: m.f, zoom: m.a };
  });
}

async function nodeIds(page: Page): Promise<string[]> {
  return page
    .getByTestId("flow-node")
    .evaluateAll((els) => els.map((el) => el.getAttribute("data-node-id")!));
}

/** Drags a node type from the palette so the new node's top-left lands at flow point `at`. */
async function dropNode(page: Page, type: string, at: { x: number; y: number }): Promise<string> {
  const before = await nodeIds(page);
  const view = await viewport(page);
  // The canvas places a dropped node's top centre 20px above the pointer (a 240px wide node).
  await page.getByTestId(`palette-${type}`).dragTo(page.getByTestId("flow-canvas"), {
    targetPosition: { x: view.x + (at.x + 120) * view.zoom, y: view.y + (at.y + 20) * view.zoom },
  });
  await expect(page.getByTestId("flow-node")).toHaveCount(before.length + 1);
  const id = (await nodeIds(page)).find((nodeId) => !before.includes(nodeId))!;
  expect(id.startsWith(`${type}-`), id).toBe(true);
  // The new node is selected: its settings are open.
  await expect(page.locator(`[id="node-label-${id}"]`)).toBeVisible();
  return id;
}

/** Pairs of nodes whose boxes overlap on the canvas (none, for a readable layout). */
async function overlappingNodes(page: Page): Promise<string[]> {
  return page.getByTestId("flow-node").evaluateAll((els) => {
    const boxes = els.map((el) => [el.getAttribute("data-node-id"), el.getBoundingClientRect()]);
    const pairs: string[] = [];
    for (const [i, [a, p]] of boxes.entries())
      for (const [b, q] of boxes.slice(i + 1) as [string, DOMRect][]) {
        const r = p as DOMRect;
        if (r.left < q.right && q.left < r.right && r.top < q.bottom && q.top < r.bottom)
          pairs.push(`${a} & ${b}`);
      }
    return pairs;
  });
}

async function setLabel(page: Page, nodeId: string, label: string): Promise<void> {
  await page.locator(`[id="node-label-${nodeId}"]`).fill(label);
  await expect(flowNode(page, nodeId).getByTestId("flow-node-label")).toHaveText(label);
}

/** The parts of `actual` that `reference` has: extra keys (defaults the form filled in) drop out. */
function projectOnto(actual: unknown, reference: unknown): unknown {
  if (Array.isArray(reference) && Array.isArray(actual))
    return actual.map((item, i) => projectOnto(item, reference[i]));
  if (reference && typeof reference === "object" && actual && typeof actual === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(reference))
      out[key] = projectOnto((actual as Record<string, unknown>)[key], (reference as never)[key]);
    return out;
  }
  return actual;
}

/** Edges as "source label.port -> target label.port", sorted. */
function edgesByLabel(graph: Graph): string[] {
  const label = (id: string) => graph.nodes.find((n) => n.id === id)?.label ?? id;
  return graph.edges
    .map((e) => `${label(e.source)}.${e.sourcePort} -> ${label(e.target)}.${e.targetPort}`)
    .sort();
}

async function flowGraph(page: Page, flowId: string): Promise<Graph> {
  const response = await page.request.get(`/api/flows/${flowId}`);
  expect(response.status()).toBe(200);
  return (await response.json()).flow.graph as Graph;
}

async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", {
    timeout: 15_000,
  });
}

test("build the ticket-triage flow from an empty canvas with drag and drop and forms, then run it", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await signIn(page);

  // The seeded example is the reference the hand-built flow must match.
  const { flows } = await (await page.request.get("/api/flows")).json();
  const example = flows.find((f: { name: string }) => f.name === "Ticket triage (example)");
  expect(example, "the seeded triage flow").toBeTruthy();
  const reference = await flowGraph(page, example.id);
  expect(reference.nodes).toHaveLength(10);
  expect(reference.edges).toHaveLength(15);

  // A new flow from the Flows page: the editor opens on an Input wired to an Output.
  await page.goto("/flows");
  await page.getByRole("button", { name: "New flow" }).first().click();
  const create = page.getByRole("dialog", { name: "New flow" });
  await create.getByLabel("Name").fill(FLOW_NAME);
  await create.getByRole("button", { name: "Create and open" }).click();
  await expect(page).toHaveURL(/\/flows\/[^/?]+$/);
  const flowId = new URL(page.url()).pathname.split("/").pop()!;
  const canvas = page.getByTestId("flow-canvas");
  await expect(page.getByTestId("flow-node")).toHaveCount(2);
  expect((await nodeIds(page)).sort()).toEqual(["input", "output"]);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
  const heading = page.getByRole("heading", { name: FLOW_NAME });
  await shot(page, "01-new-flow");

  // Unwire the starting edge: the Output then reports its unconnected input.
  const startEdge = page.getByTestId("rf__edge-e1");
  const from = (await handle(page, "input", "source", "out").boundingBox())!;
  const to = (await handle(page, "output", "target", "in").boundingBox())!;
  await page.mouse.click((from.x + to.x + to.width) / 2, from.y + from.height / 2);
  await expect(startEdge).toHaveClass(/selected/);
  await page.keyboard.press("Delete");
  await expect(startEdge).toHaveCount(0);
  const outputProblem = page.locator(
    '[data-testid="problem"][data-code="unconnected_input"][data-node-id="output"]',
  );
  await expect(outputProblem).toHaveCount(1);

  // Zoom out and pan so the whole flow (about 2,500 flow px wide) fits, the Input at the left.
  for (let i = 0; i < 2; i++) await page.getByRole("button", { name: "Zoom Out" }).click();
  await expect.poll(async () => (await viewport(page)).zoom).toBeLessThan(0.75);
  const box = (await canvas.boundingBox())!;
  let view = await viewport(page);
  const panFrom = { x: box.x + box.width / 2, y: box.y + box.height - 120 };
  await mouseDrag(page, panFrom, {
    x: panFrom.x + (40 + 40 * view.zoom - view.x),
    y: panFrom.y + (220 - view.y),
  });
  view = await viewport(page);
  expect(Math.abs(view.x - (40 + 40 * view.zoom))).toBeLessThan(5);

  // The starting Output moves down and right: it becomes the "Rejected" exit.
  const rejected = "output";
  const screenOf = (p: { x: number; y: number }) => ({
    x: box.x + view.x + p.x * view.zoom,
    y: box.y + view.y + p.y * view.zoom,
  });
  await mouseDrag(page, screenOf({ x: 520, y: 16 }), screenOf({ x: 2080, y: 456 }));
  const moved = (await flowNode(page, rejected).boundingBox())!;
  const target = screenOf({ x: 1960, y: 440 });
  expect(Math.abs(moved.x - target.x) + Math.abs(moved.y - target.y)).toBeLessThan(10);
  await flowNode(page, rejected).click();
  await setLabel(page, rejected, "Rejected");

  // The Input: label and a schema with the visual editor, then maxLength limits in raw JSON.
  await flowNode(page, "input").click();
  await setLabel(page, "input", "Ticket");
  const schemaField = page.getByTestId("json-schema-field");
  for (const [index, name] of ["subject", "body", "customerId"].entries()) {
    await schemaField.getByRole("button", { name: "Add property" }).click();
    await expect(schemaField.getByLabel(`Property ${index + 1} name`)).toBeFocused();
    await page.keyboard.type(name);
    if (name !== "customerId")
      await schemaField.getByTestId("schema-property").nth(index).getByLabel("Required").check();
  }
  await schemaField.getByRole("tab", { name: "Raw JSON" }).click();
  const raw = schemaField.getByLabel("Schema (JSON)");
  const schema = JSON.parse(await raw.inputValue());
  expect(schema.required).toEqual(["subject", "body"]);
  delete schema.additionalProperties;
  schema.properties.subject.maxLength = 300;
  schema.properties.body.maxLength = 10000;
  await raw.fill(JSON.stringify(schema, null, 2));
  await raw.blur();
  await schemaField.getByRole("tab", { name: "Visual" }).click();
  await expect(schemaField.getByTestId("schema-property")).toHaveCount(3);

  // Classifier: three described labels (one output port each), instructions and a threshold.
  const panel = page.getByTestId("config-panel");
  const classify = await dropNode(page, "classifier", { x: 280, y: 0 });
  await setLabel(page, classify, "Classify intent");
  const labelGroup = (n: number) => panel.getByRole("group", { name: `Labels ${n}`, exact: true });
  await panel.getByRole("button", { name: "Add to labels" }).click();
  const labels: [string, string][] = [
    ["billing", "invoice, refund, payment, charge, price, plan"],
    ["technical", "bug, error, crash, outage, login, api"],
    ["account", "password, email, user, access, delete account"],
  ];
  for (const [index, [name, description]] of labels.entries()) {
    await labelGroup(index + 1)
      .getByLabel("Label", { exact: true })
      .fill(name);
    await labelGroup(index + 1)
      .getByLabel("Description", { exact: true })
      .fill(description);
  }
  await expect(handle(page, classify, "source", "account")).toHaveCount(1);
  await expect(handle(page, classify, "source", "low_confidence")).toHaveCount(1);
  await panel
    .getByLabel("Instructions")
    .fill("Classify the support ticket by its subject and body.");
  await panel.getByLabel("Confidence threshold").fill("0.7");
  await expect(panel.getByTestId("model-picker").getByLabel("Connection")).toHaveValue("simulated");
  await expect(panel.getByTestId("model-picker").getByLabel("Model")).toHaveValue("sim-small");

  // HTTP tool: a GET of the demo API (this app's own URL), the subject in the query.
  const lookup = await dropNode(page, "http-tool", { x: 560, y: 260 });
  await setLabel(page, lookup, "Similar past tickets");
  await expect(panel.getByLabel("Method")).toHaveValue("GET");
  const url = panel.getByTestId("template-field-url").locator(".cm-content");
  await url.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(
    `${baseURL}/api/demo/tickets?limit=3&query={{ input.input.subject | url_encode }}`,
  );
  await expect(panel.getByLabel("Response")).toHaveValue("json");

  const context = await dropNode(page, "merge", { x: 840, y: 0 });
  await setLabel(page, context, "Collect context");
  await panel.getByLabel("Mode").selectOption("object");

  // LLM: the workspace's managed prompt by label, so no model of its own; temperature 0.3.
  const draft = await dropNode(page, "llm", { x: 1120, y: 0 });
  await setLabel(page, draft, "Draft reply");
  const promptField = panel.getByTestId("prompt-field");
  await promptField.getByLabel("Source").selectOption("label");
  const picker = promptField.getByTestId("prompt-picker");
  await picker.getByLabel("Prompt", { exact: true }).selectOption({ label: "support-reply" });
  await expect(picker.getByLabel("Label")).toHaveValue("production");
  await panel.getByTestId("model-picker").getByLabel("Connection").selectOption("");
  await panel.getByLabel("Temperature").fill("0.3");

  // Validator: forbidden terms, PII and an LLM judge.
  const guard = await dropNode(page, "validator", { x: 1400, y: 0 });
  await setLabel(page, guard, "Guardrail");
  const check = (n: number) => panel.getByRole("group", { name: `Checks ${n}`, exact: true });
  await check(1).getByLabel("Terms (one per line)").fill("guarantee\nlawsuit");
  await check(1).getByLabel("Terms (one per line)").blur();
  await panel.getByRole("button", { name: "Add to checks" }).click();
  await check(2).getByLabel("Kind").selectOption({ label: "pii" });
  await check(2).getByLabel("card", { exact: true }).check();
  await check(2).getByLabel("iban", { exact: true }).check();
  await panel.getByRole("button", { name: "Add to checks" }).click();
  await check(3).getByLabel("Kind").selectOption({ label: "llm judge" });
  const judgeModel = check(3).getByTestId("model-picker");
  await judgeModel.getByLabel("Connection").selectOption("simulated");
  await judgeModel.getByLabel("Model").selectOption("sim-small");
  await check(3)
    .getByLabel("Criteria")
    .fill("Polite, answers the ticket, promises nothing we cannot keep.");
  await check(3).getByLabel("Score threshold").fill("0.6");
  await expect(panel.getByTestId("config-errors")).toHaveCount(0);
  await panel.screenshot({ path: test.info().outputPath("02-validator-form.png") });

  const review = await dropNode(page, "human-review", { x: 1680, y: 260 });
  await setLabel(page, review, "Human review");
  await panel
    .getByLabel("Instructions")
    .fill("The draft failed the guardrail: approve, edit or reject it.");

  const final = await dropNode(page, "merge", { x: 1960, y: 0 });
  await setLabel(page, final, "Final reply");
  await panel.getByLabel("Mode").selectOption("first");

  const reply = await dropNode(page, "output", { x: 2240, y: 0 });
  await setLabel(page, reply, "Reply");
  await panel.getByLabel("Pick field").fill("value");
  await expect(page.getByTestId("flow-node")).toHaveCount(10);
  expect(await overlappingNodes(page)).toEqual([]);
  await heading.click();
  await shot(page, "03-nodes-placed");

  // Wire it, handle to handle; the draft's input stays open for now.
  const wires: [string, string, string][] = [
    ["input", "out", classify],
    [classify, "billing", context],
    [classify, "technical", context],
    [classify, "account", context],
    [classify, "low_confidence", context],
    [classify, "low_confidence", lookup],
    [lookup, "out", context],
    [draft, "out", guard],
    [guard, "pass", final],
    [guard, "fail", review],
    [review, "approved", final],
    [review, "edited", final],
    [review, "rejected", rejected],
    [final, "out", reply],
  ];
  for (const [source, port, target] of wires) {
    const edges = await page.locator(".react-flow__edge").count();
    await connect(page, handle(page, source, "source", port), handle(page, target, "target", "in"));
    await expect(page.locator(".react-flow__edge"), `${source}.${port} -> ${target}`).toHaveCount(
      edges + 1,
    );
  }

  // The unconnected draft is the one problem left, shown on the node itself.
  const draftProblem = page.locator(
    `[data-testid="problem"][data-code="unconnected_input"][data-node-id="${draft}"]`,
  );
  await expect(draftProblem).toHaveCount(1);
  await expect(page.getByTestId("problem-count")).toHaveText("1 error, 6 warnings");
  // Everything after it cannot be reached from the Input yet: warnings, not errors.
  const unreachable = page.locator('[data-testid="problem"][data-code="unreachable"]');
  await expect(unreachable).toHaveCount(6);
  expect(
    (
      await unreachable.evaluateAll((els) => els.map((el) => el.getAttribute("data-node-id")))
    ).sort(),
  ).toEqual([draft, guard, review, final, reply, rejected].sort());
  await expect(flowNode(page, draft).getByTestId("node-issues")).toBeVisible();
  await expect(flowNode(page, draft).getByTestId("node-issues")).toHaveAttribute("title", /input/i);
  await shot(page, "04-draft-unconnected");

  await connect(page, handle(page, context, "source", "out"), handle(page, draft, "target", "in"));
  await expect(draftProblem).toHaveCount(0);
  await expect(page.getByTestId("problem")).toHaveCount(0);
  await expect(page.getByTestId("problems-panel")).toContainText("No problems found.");
  await expect(flowNode(page, draft).getByTestId("node-issues")).toHaveCount(0);

  // Undo takes the last wire away (the issue is back); redo restores it.
  await heading.click();
  await page.keyboard.press("ControlOrMeta+z");
  await expect(draftProblem).toHaveCount(1);
  await expect(flowNode(page, draft).getByTestId("node-issues")).toBeVisible();
  await page.keyboard.press("ControlOrMeta+Shift+z");
  await expect(draftProblem).toHaveCount(0);
  await expect(flowNode(page, draft).getByTestId("node-issues")).toHaveCount(0);
  await shot(page, "05-connected");
  await expectAccessible(page);

  // The saved draft matches the seeded example: node types, labels and key config, and edges.
  await waitSaved(page);
  const built = await flowGraph(page, flowId);
  expect(built.nodes).toHaveLength(reference.nodes.length);
  for (const expected of reference.nodes) {
    const node = built.nodes.find((n) => n.label === expected.label);
    expect(node, expected.label).toBeTruthy();
    expect(node!.type, expected.label).toBe(expected.type);
    expect(projectOnto(node!.config, expected.config), expected.label).toEqual(expected.config);
  }
  expect(built.nodes.find((n) => n.id === draft)!.config.model).toBeUndefined();
  expect(built.nodes.find((n) => n.id === "input")!.config.schema).toEqual(
    reference.nodes.find((n) => n.type === "input")!.config.schema,
  );
  expect(edgesByLabel(built)).toEqual(edgesByLabel(reference));

  // Run a billing ticket on the simulated model from the run panel's form.
  await page.getByRole("tab", { name: "Run" }).click();
  await page.getByLabel("subject", { exact: true }).fill(BILLING_TICKET.subject);
  await page.getByLabel("body", { exact: true }).fill(BILLING_TICKET.body);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", {
    timeout: 60_000,
  });

  // Confident billing: no lookup and no review; the draft passes the guardrail to the Reply.
  const expected: Record<string, string> = {
    input: "succeeded",
    [classify]: "succeeded",
    [lookup]: "skipped",
    [context]: "succeeded",
    [draft]: "succeeded",
    [guard]: "succeeded",
    [review]: "skipped",
    [final]: "succeeded",
    [reply]: "succeeded",
    [rejected]: "skipped",
  };
  for (const [nodeId, status] of Object.entries(expected))
    await expect(flowNode(page, nodeId).getByTestId("node-run"), nodeId).toHaveAttribute(
      "data-status",
      status,
    );
  await shot(page, "06-run");

  const runHref = await page
    .locator('[data-testid="run-summary"] a[href^="/runs/"]')
    .getAttribute("href");
  const runResponse = await page.request.get(`/api/runs/${runHref!.split("/").pop()}`);
  expect(runResponse.status()).toBe(200);
  const run = await runResponse.json();
  expect(run.run.status).toBe("succeeded");
  expect(run.run.input).toEqual(BILLING_TICKET);
  // The Reply returns the drafted text, and the run panel shows it.
  expect(typeof run.run.output).toBe("string");
  expect(run.run.output.length).toBeGreaterThan(20);
  await expect(page.getByTestId("run-summary")).toContainText(run.run.output.slice(0, 30));
  const finalAttempts = (run.nodes as NodeAttempt[]).filter((n) => n.final);
  expect(Object.fromEntries(finalAttempts.map((n) => [n.nodeId, n.status]))).toEqual(expected);
  for (const nodeId of [classify, draft, guard]) {
    const attempt = finalAttempts.find((n) => n.nodeId === nodeId)!;
    expect(attempt.tokensIn + attempt.tokensOut, nodeId).toBeGreaterThan(0);
    expect(Number(attempt.costUsd), nodeId).toBeGreaterThan(0);
  }
  expect(pageErrors).toEqual([]);
});
