import { expect, test, type Page } from "@playwright/test";
import { handle } from "./canvas";
import { signIn } from "./support";

const node = (id: string, type: string, label: string, x: number) => ({
  id,
  type,
  typeVersion: 1,
  label,
  config: type === "template" ? { template: "Hello {{ input.name }}" } : {},
  policy: {},
  position: { x, y: 0 },
});

const GRAPH = {
  nodes: [
    node("input", "input", "Input", 0),
    node("greet", "template", "Greeting", 400),
    node("output", "output", "Output", 800),
  ],
  edges: [
    { id: "e1", source: "input", sourcePort: "out", target: "greet", targetPort: "in" },
    { id: "e2", source: "greet", sourcePort: "out", target: "output", targetPort: "in" },
  ],
};

const problems = (page: Page, code: string) =>
  page.locator(`[data-testid="problem"][data-code="${code}"]`);

async function savedGraph(page: Page, flowId: string) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", {
    timeout: 15_000,
  });
  return (await (await page.request.get(`/api/flows/${flowId}`)).json()).flow.graph as {
    nodes: { id: string; type: string; label: string }[];
    edges: { source: string; target: string }[];
  };
}

/** Fires a paste of `text` at the page, as the system clipboard would deliver it. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => {
    const data = new DataTransfer();
    data.setData("text/plain", value);
    document.body.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

test("drop on an edge, delete a node others need, paste from elsewhere: clear issues, nothing lost", async ({
  page,
}) => {
  await signIn(page);
  const created = await page.request.post("/api/flows", {
    data: { name: "Editor edge cases", graph: GRAPH },
  });
  expect(created.status(), await created.text()).toBe(201);
  const flowId = (await created.json()).flow.id as string;
  await page.goto(`/flows/${flowId}`);
  await expect(page.getByTestId("flow-node")).toHaveCount(3);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");

  // A node dropped onto the middle of an edge is added beside it; the edge stays as it was.
  const from = (await handle(page, "input", "source", "out").boundingBox())!;
  const to = (await handle(page, "greet", "target", "in").boundingBox())!;
  const canvas = page.getByRole("region", { name: "Flow canvas" });
  const box = (await canvas.boundingBox())!;
  await page.getByTestId("palette-merge").dragTo(canvas, {
    targetPosition: { x: (from.x + to.x) / 2 - box.x, y: (from.y + to.y) / 2 - box.y },
  });
  await expect(page.getByTestId("flow-node")).toHaveCount(4);
  await expect(problems(page, "unconnected_input")).toHaveCount(1);
  let graph = await savedGraph(page, flowId);
  expect(graph.nodes).toHaveLength(4);
  expect(graph.edges).toHaveLength(2);
  await page.screenshot({ path: test.info().outputPath("01-dropped-on-edge.png") });
  await page.getByRole("heading", { name: "Editor edge cases" }).click();
  await page.keyboard.press("ControlOrMeta+z");
  await expect(page.getByTestId("flow-node")).toHaveCount(3);

  // Deleting a node the Output depends on: the Output says its input is unconnected; undo restores both.
  await page.locator('[data-testid="flow-node"][data-node-id="greet"]').click();
  await page.getByRole("heading", { name: "Editor edge cases" }).click();
  await page.keyboard.press("Delete");
  await expect(page.getByTestId("flow-node")).toHaveCount(2);
  await expect(problems(page, "unconnected_input")).toHaveCount(1);
  await expect(problems(page, "unconnected_input")).toHaveAttribute("data-node-id", "output");
  await expect(
    page.locator('[data-testid="flow-node"][data-node-id="output"] [data-testid="node-issues"]'),
  ).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("02-deleted-dependency.png") });
  await page.keyboard.press("ControlOrMeta+z");
  await expect(page.getByTestId("flow-node")).toHaveCount(3);
  await expect(problems(page, "unconnected_input")).toHaveCount(0);
  graph = await savedGraph(page, flowId);
  expect(graph.edges).toHaveLength(2);

  // Nodes copied in another workspace paste with new ids; markup in labels stays text; junk is ignored.
  const fragment = {
    format: "trellis.nodes",
    version: 1,
    nodes: [
      { ...node("greet", "template", "<img src=x onerror=window.__pasted=1>", 0), config: {} },
      {
        ...node("ask", "llm", "Ask elsewhere", 300),
        config: {
          prompt: { kind: "inline", template: "Hi" },
          model: { connection: "their-connection", model: "gpt-x" },
        },
      },
    ],
    edges: [{ id: "e9", source: "greet", sourcePort: "out", target: "ask", targetPort: "in" }],
  };
  await paste(page, "not a flow at all");
  await paste(page, '{"format":"trellis.nodes","version":1,"nodes":[{"id":"<script>"}]}');
  await expect(page.getByTestId("flow-node")).toHaveCount(3);
  await paste(page, JSON.stringify(fragment));
  await expect(page.getByTestId("flow-node")).toHaveCount(5);
  await expect(
    page.getByTestId("flow-node-label").filter({ hasText: "<img src=x onerror" }),
  ).toHaveCount(1);
  expect(await page.evaluate(() => (window as { __pasted?: number }).__pasted)).toBeUndefined();
  graph = await savedGraph(page, flowId);
  const pasted = graph.nodes.filter((n) => !["input", "greet", "output"].includes(n.id));
  expect(pasted.map((n) => n.type).sort()).toEqual(["llm", "template"]);
  expect(graph.edges).toHaveLength(3);
  const pastedIds = new Set(pasted.map((n) => n.id));
  expect(
    graph.edges.filter((e) => pastedIds.has(e.source) && pastedIds.has(e.target)),
  ).toHaveLength(1);
  await page.screenshot({ path: test.info().outputPath("03-pasted.png") });
  expect((await page.request.delete(`/api/flows/${flowId}`)).status()).toBe(204);
});
