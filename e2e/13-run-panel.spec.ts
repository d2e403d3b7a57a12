import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./support";

interface GraphNode {
  id: string;
  config: Record<string, unknown>;
  pin?: { outputs: Record<string, unknown> };
}

test.use({ viewport: { width: 1600, height: 900 } });

async function flowByName(page: Page, name: string) {
  const { flows } = await (await page.request.get("/api/flows")).json();
  const flow = flows.find((f: { name: string }) => f.name === name);
  expect(flow, name).toBeTruthy();
  return flow.id as string;
}

/** A copy of the seeded triage flow whose reply uses the slower simulated model, so a run can be watched. */
async function triageCopy(page: Page): Promise<string> {
  const source = await flowByName(page, "Ticket triage (example)");
  const copy = await page.request.post(`/api/flows/${source}/duplicate`);
  expect(copy.status()).toBe(201);
  const { flow } = await copy.json();
  const graph = flow.graph as { nodes: GraphNode[] };
  graph.nodes.find((n) => n.id === "draft")!.config.model = {
    connection: "simulated",
    model: "sim-large",
  };
  const saved = await page.request.patch(`/api/flows/${flow.id}`, {
    data: { graph, revision: flow.revision },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  return flow.id;
}

const nodeRun = (page: Page, nodeId: string) =>
  page.locator(`[data-testid="flow-node"][data-node-id="${nodeId}"] [data-testid="node-run"]`);

async function selectNode(page: Page, nodeId: string) {
  await page.locator(`[data-testid="flow-node"][data-node-id="${nodeId}"]`).click();
  await page.getByRole("tab", { name: "Node" }).click();
}

/** The id of the run the editor follows (read from the Run tab, which may be hidden). */
async function lastRunId(page: Page): Promise<string> {
  const href = await page
    .locator('[data-testid="run-summary"] a[href^="/runs/"]')
    .getAttribute("href");
  return href!.split("/").pop()!;
}

async function waitSettled(page: Page) {
  await expect(page.getByTestId("run-status")).toHaveAttribute(
    "data-status",
    /^(succeeded|waiting)$/,
    { timeout: 30_000 },
  );
}

test("the run panel runs from a schema form, shows live node states, runs from a node and pins outputs", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await signIn(page);
  const flowId = await triageCopy(page);
  await page.goto(`/flows/${flowId}`);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", {
    timeout: 30_000,
  });
  await page.getByRole("tab", { name: "Run" }).click();

  // The form comes from the Input schema and is checked before anything is sent.
  const run = page.getByRole("button", { name: "Run", exact: true });
  await run.click();
  await expect(page.getByText("Required.")).toHaveCount(2);
  await page.getByLabel("subject", { exact: true }).fill("Charged twice this month");
  await page
    .getByLabel("body", { exact: true })
    .fill("I was charged twice on my invoice this month, please refund one payment.");
  await expect(page.getByText("Required.")).toHaveCount(0);
  await expectAccessible(page);

  // The JSON toggle shows the same input, and back.
  await page.getByRole("button", { name: "JSON", exact: true }).click();
  await expect(page.getByLabel("Input (JSON)")).toHaveValue(/"subject": "Charged twice/);
  await page.getByRole("button", { name: "JSON", exact: true }).click();
  await expect(page.getByLabel("subject", { exact: true })).toHaveValue("Charged twice this month");

  // Live: every state the canvas draws is recorded, since a busy machine may finish a step between polls.
  await page.evaluate(() => {
    const seen = new Set<string>();
    (window as unknown as { runStates: Set<string> }).runStates = seen;
    const record = () =>
      document.querySelectorAll('[data-testid="node-run"]').forEach((badge) => {
        const node = badge.closest("[data-node-id]")?.getAttribute("data-node-id");
        seen.add(`${node}:${badge.getAttribute("data-status")}`);
      });
    new MutationObserver(record).observe(document.querySelector('[data-testid="flow-canvas"]')!, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["data-status"],
    });
  });
  await run.click();
  await page.screenshot({ path: test.info().outputPath("01-mid-run.png") });
  await waitSettled(page);
  const states = await page.evaluate(() => [
    ...(window as unknown as { runStates: Set<string> }).runStates,
  ]);
  expect(states).toContain("reply:queued");
  expect(states.filter((state) => state.endsWith(":running")).length).toBeGreaterThan(0);
  const classify = nodeRun(page, "classify");
  await expect(classify).toHaveAttribute("data-status", "succeeded");
  await expect(classify).toContainText("Succeeded");
  await expect(classify).toContainText(/\d+ ms/);
  await expect(classify).toContainText(/\d+ tok/);
  await expect(classify).toContainText("$");
  // Zoomed in, the badges read: status icon and text, latency, tokens, cost.
  await page.getByRole("button", { name: "Zoom In" }).click();
  await page.getByRole("button", { name: "Zoom In" }).click();
  await page.screenshot({ path: test.info().outputPath("02-after-run.png") });
  await page.getByRole("button", { name: "Fit View", exact: true }).click();
  const firstRun = await lastRunId(page);

  // The node's details in the last run: prompt, input, output and attempts.
  await selectNode(page, "classify");
  const details = page.getByTestId("node-run-details");
  await expect(details).toContainText("Rendered prompt");
  await expect(details).toContainText("Charged twice this month");
  await expect(details).toContainText("Output");
  await expect(details.getByTestId("node-attempt")).toHaveCount(1);
  await expect(details.getByTestId("node-attempt")).toContainText("sim-small");
  await expect(details.getByTestId("node-attempt")).toContainText("cache hit");
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("03-node-details.png") });

  // The run page lists the run and its attempts.
  const href = await details.getByRole("link", { name: "Open run" }).getAttribute("href");
  expect(href).toBe(`/runs/${firstRun}`);
  const runPage = await page.context().newPage();
  await runPage.goto(href!);
  await expect(runPage.getByRole("heading", { name: "Run", exact: true })).toBeVisible();
  await expect(runPage.getByTestId("run-status")).toHaveText(/Succeeded|Waiting for review/);
  await expect(runPage.getByTestId("run-node").filter({ hasText: "classify" })).toBeVisible();
  await expect(runPage.getByText("Charged twice this month")).toBeVisible();
  await expectAccessible(runPage);
  await runPage.screenshot({ path: test.info().outputPath("04-run-page.png"), fullPage: true });
  await runPage.close();

  // Run from here: the nodes before the draft reply reuse the first run's results.
  await selectNode(page, "draft");
  await page.getByRole("button", { name: "Run from here" }).click();
  await expect.poll(() => lastRunId(page)).not.toBe(firstRun);
  await waitSettled(page);
  await expect(nodeRun(page, "classify")).toHaveAttribute("data-source", "reused");
  await expect(nodeRun(page, "classify")).toContainText("Reused");
  await expect(nodeRun(page, "draft")).toHaveAttribute("data-source", "executed");
  const rerun = await (await page.request.get(`/api/runs/${await lastRunId(page)}`)).json();
  const sourceOf = (nodeId: string) =>
    rerun.nodes.find((n: { nodeId: string; final: boolean }) => n.nodeId === nodeId && n.final)
      ?.source;
  expect(sourceOf("classify")).toBe("reused");
  expect(sourceOf("context")).toBe("reused");
  expect(sourceOf("draft")).toBe("executed");
  expect(rerun.run.input.subject).toBe("Charged twice this month");

  // Pin the classifier's output: the draft keeps it, and the next run uses it.
  await selectNode(page, "classify");
  await page.getByRole("button", { name: "Pin this output" }).click();
  const classifyNode = page.locator('[data-testid="flow-node"][data-node-id="classify"]');
  await expect(classifyNode.getByTestId("node-pinned")).toContainText("Pinned");
  await expect(page.getByTestId("pin-editor")).toContainText("Saved versions never keep pins");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", {
    timeout: 15_000,
  });
  const saved = await (await page.request.get(`/api/flows/${flowId}`)).json();
  const pinned = (saved.flow.graph.nodes as GraphNode[]).find((n) => n.id === "classify")!;
  expect(Object.keys(pinned.pin!.outputs).length).toBeGreaterThan(0);

  await page.getByRole("tab", { name: "Run" }).click();
  await run.click();
  await waitSettled(page);
  await expect(nodeRun(page, "classify")).toHaveAttribute("data-source", "pinned");
  await expect(nodeRun(page, "classify")).toContainText("Pinned");
  await page.screenshot({ path: test.info().outputPath("05-pinned.png") });

  // Unpin through the editor, undoably.
  await selectNode(page, "classify");
  await page.getByRole("button", { name: "Unpin" }).click();
  await expect(classifyNode.getByTestId("node-pinned")).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test("a chat-mode flow answers in the conversation pane, streaming the reply", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const created = await page.request.post("/api/flows", {
    data: {
      name: "Chat assistant (e2e)",
      graph: {
        nodes: [
          {
            id: "input",
            type: "input",
            typeVersion: 1,
            config: { mode: "chat", schema: { type: "object" } },
            position: { x: 0, y: 0 },
          },
          {
            id: "reply",
            type: "llm",
            typeVersion: 1,
            label: "Reply",
            config: {
              prompt: { kind: "inline", system: "You are a friendly assistant.", template: " " },
              model: { connection: "simulated", model: "sim-large" },
            },
            position: { x: 300, y: 0 },
          },
          { id: "output", type: "output", typeVersion: 1, position: { x: 600, y: 0 } },
        ],
        edges: [
          { id: "e1", source: "input", sourcePort: "out", target: "reply", targetPort: "in" },
          { id: "e2", source: "reply", sourcePort: "out", target: "output", targetPort: "in" },
        ],
      },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { flow } = await created.json();
  await page.goto(`/flows/${flow.id}`);
  await page.getByRole("tab", { name: "Run" }).click();
  const pane = page.getByTestId("chat-pane");
  await expect(pane).toBeVisible();

  await pane.getByLabel("Message").fill("Hello, can you help me with my invoice?");
  await pane.getByLabel("Message").press("Enter");
  // The reply streams in token by token before the run ends.
  const streaming = pane.getByTestId("chat-streaming");
  await expect(streaming.locator("p")).toHaveText(/\w+ \w+/, { timeout: 15_000 });
  await page.screenshot({ path: test.info().outputPath("06-chat-streaming.png") });
  await expect(streaming).toHaveCount(0, { timeout: 30_000 });
  const messages = pane.getByTestId("chat-message");
  await expect(messages).toHaveCount(2);
  await expect(messages.nth(1)).toHaveAttribute("data-role", "assistant");

  const first = await (await page.request.get(`/api/runs/${await lastRunId(page)}`)).json();
  expect(first.run.status).toBe("succeeded");
  expect(typeof first.run.output).toBe("string");
  await expect(messages.nth(1)).toContainText(String(first.run.output).slice(0, 30));

  // The next message carries the history.
  await pane.getByLabel("Message").fill("Thanks! And how do I export it?");
  await pane.getByRole("button", { name: "Send" }).click();
  await expect(messages).toHaveCount(4, { timeout: 30_000 });
  const second = await (await page.request.get(`/api/runs/${await lastRunId(page)}`)).json();
  expect(second.run.input.messages.map((m: { role: string }) => m.role)).toEqual([
    "user",
    "assistant",
    "user",
  ]);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("07-chat.png") });

  await pane.getByRole("button", { name: "New chat" }).click();
  await expect(messages).toHaveCount(0);
});
