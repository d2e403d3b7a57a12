import { expect, test, type APIRequestContext } from "@playwright/test";
import { node, questionInput } from "./graph";
import { expectAccessible, signIn } from "./support";

test.use({ viewport: { width: 1440, height: 900 } });

const sim = (model: string, knobs: Record<string, unknown> = {}) => ({
  model: { connection: "simulated", model },
  parameters: { simulated: { latencyMs: 30, ...knobs } },
});

/**
 * Question -> "flaky" (always fails; two retries, then continues with a default) -> "answer" ->
 * output: every run has a retried node and a model node that costs something.
 */
const graph = {
  nodes: [
    questionInput(),
    node(
      "flaky",
      "llm",
      {
        prompt: { kind: "inline", template: "{{ input.question }}" },
        ...sim("sim-small", { failureRate: 1 }),
      },
      250,
      { retries: 2, backoffMs: 0, onError: "continue", defaultOutput: "no context" },
    ),
    node(
      "answer",
      "llm",
      { prompt: { kind: "inline", template: "Answer briefly: {{ input }}" }, ...sim("sim-small") },
      500,
    ),
    node("out", "output", {}, 750),
  ],
  edges: [
    { id: "e1", source: "in", sourcePort: "out", target: "flaky", targetPort: "in" },
    { id: "e2", source: "flaky", sourcePort: "out", target: "answer", targetPort: "in" },
    { id: "e3", source: "answer", sourcePort: "out", target: "out", targetPort: "in" },
  ],
};

interface NodeAttempt {
  nodeId: string;
  attempt: number;
  status: string;
  costUsd: string;
}

async function runFlow(request: APIRequestContext, flowId: string, question: string) {
  const response = await request.post(`/api/flows/${flowId}/runs`, {
    data: { input: { question }, waitMs: 30_000 },
  });
  expect(response.status(), await response.text()).toBe(200);
  const { run } = await response.json();
  expect(run.status).toBe("succeeded");
  return run.id as string;
}

test("run history: find a run, read its trace, and see its spend on the costs page", async ({
  page,
}) => {
  await signIn(page);
  const created = await page.request.post("/api/flows", { data: { name: "History e2e", graph } });
  expect(created.status(), await created.text()).toBe(201);
  const flowId = (await created.json()).flow.id as string;

  // The searched run goes first: later runs may find the flaky model's circuit breaker open.
  const questions = ["Where is invoice zebra-4217?", "How do I reset my password?", "Cancel plan"];
  const runIds: string[] = [];
  for (const question of questions) runIds.push(await runFlow(page.request, flowId, question));
  const zebraRun = runIds[0]!;

  // Find the run by a word of its input.
  await page.goto("/runs");
  await expect(page.getByTestId("runs-table")).toBeVisible();
  await page.getByTestId("runs-search").fill("zebra-4217");
  const rows = page.getByTestId("runs-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-run-id", zebraRun);
  await page.screenshot({ path: test.info().outputPath("runs-search.png"), fullPage: true });
  await expectAccessible(page);
  await rows.first().getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/runs/${zebraRun}$`));

  // The timeline shows every attempt: three failed ones for the retried node.
  await expect(page.getByTestId("run-timeline")).toBeVisible();
  const flakyBars = page.locator('[data-testid="timeline-bar"][data-node-id="flaky"]');
  await expect(flakyBars).toHaveCount(3);
  await expect(flakyBars.nth(2)).toHaveAttribute("data-status", "failed");
  await flakyBars.nth(1).click();
  const details = page.getByTestId("node-details");
  await expect(details).toContainText("flaky");
  await expect(details).toContainText(/attempt 2/i);
  await expect(details).toContainText("zebra-4217");
  const answerBar = page.locator('[data-testid="timeline-bar"][data-node-id="answer"]');
  await expect(answerBar).toHaveCount(1);
  await answerBar.click();
  await expect(details).toContainText("sim-small");
  await page.screenshot({ path: test.info().outputPath("run-trace.png"), fullPage: true });
  await expectAccessible(page);

  // The costs page attributes the spend to the nodes that made it.
  const expected = new Map<string, number>();
  for (const id of runIds) {
    const { nodes } = (await (await page.request.get(`/api/runs/${id}`)).json()) as {
      nodes: NodeAttempt[];
    };
    for (const n of nodes)
      expected.set(n.nodeId, (expected.get(n.nodeId) ?? 0) + Number(n.costUsd));
  }
  expect(expected.get("answer")).toBeGreaterThan(0);

  const today = new Date().toISOString().slice(0, 10);
  const report = await (
    await page.request.get(`/api/costs?from=${today}&to=${today}&flowId=${flowId}`)
  ).json();
  for (const [nodeId, cost] of expected) {
    const row = report.byNode.find((r: { nodeId: string }) => r.nodeId === nodeId);
    expect(Number(row?.costUsd ?? 0), nodeId).toBeCloseTo(cost, 8);
  }
  const total = [...expected.values()].reduce((sum, cost) => sum + cost, 0);
  expect(Number(report.totals.costUsd)).toBeCloseTo(total, 8);
  expect(report.totals.runs).toBe(3);

  await page.goto(`/costs?from=${today}&to=${today}&flowId=${flowId}`);
  await expect(page.getByTestId("costs-page")).toBeVisible();
  const answerRow = page.locator('[data-testid="costs-node-row"][data-node-id="answer"]');
  await expect(answerRow).toBeVisible();
  await expect(page.locator('[data-testid="costs-node-row"]')).toHaveCount(expected.size);
  await page.screenshot({ path: test.info().outputPath("costs.png"), fullPage: true });
  await expectAccessible(page);
});
