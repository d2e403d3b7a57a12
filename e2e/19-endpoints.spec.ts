import { expect, test, type APIRequestContext } from "@playwright/test";
import { node, questionInput } from "./graph";
import { expectAccessible, signIn } from "./support";

test.use({ viewport: { width: 1440, height: 900 } });
test.describe.configure({ timeout: 120_000 });

const SLUG = "e2e-answer";
const KEY_NAME = "e2e partner key";

/** Question -> a Simulated model answer -> output. */
const graph = {
  nodes: [
    questionInput(),
    node(
      "answer",
      "llm",
      {
        prompt: { kind: "inline", template: "Answer briefly: {{ input.question }}" },
        model: { connection: "simulated", model: "sim-small" },
        parameters: { simulated: { latencyMs: 20 } },
      },
      300,
    ),
    node("out", "output", {}, 600),
  ],
  edges: [
    { id: "e1", source: "in", sourcePort: "out", target: "answer", targetPort: "in" },
    { id: "e2", source: "answer", sourcePort: "out", target: "out", targetPort: "in" },
  ],
};

async function ok<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  expect(response.ok(), `${response.url()}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

test("an engineer publishes a flow, creates a key, calls it sync, async and streaming, and finds the runs in history", async ({
  page,
  playwright,
  baseURL,
}) => {
  await signIn(page);
  const { flow } = await ok<{ flow: { id: string; revision: number } }>(
    await page.request.post("/api/flows", { data: { name: "Answer API", graph } }),
  );
  await ok(
    await page.request.post(`/api/flows/${flow.id}/versions`, {
      data: { message: "First public version", revision: flow.revision },
    }),
  );

  // Publish the saved version under a slug.
  await page.goto("/endpoints");
  await page.getByRole("button", { name: "Publish endpoint" }).first().click();
  const publish = page.getByRole("dialog");
  await publish.getByLabel("Flow").selectOption({ label: "Answer API" });
  await expect(publish.getByLabel("Version")).toBeEnabled();
  await publish.getByLabel("Slug").fill(SLUG);
  await publish.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("endpoint-live-version")).toContainText("v1");
  await expect(page.getByTestId("endpoint-snippets")).toContainText(`/api/v1/flows/${SLUG}/run`);
  await page.screenshot({ path: test.info().outputPath("endpoint.png"), fullPage: true });
  await expectAccessible(page);

  // A key scoped to that endpoint; its secret is shown once.
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).first().click();
  const create = page.getByRole("dialog");
  await create.getByLabel("Name").fill(KEY_NAME);
  await create.getByRole("checkbox", { name: SLUG }).check();
  await create.getByRole("button", { name: "Create key" }).click();
  const secret = await create.getByTestId("api-key-secret").inputValue();
  expect(secret).toMatch(/^trl_/);
  await create.getByRole("button", { name: "I have copied the key" }).click();
  await expect(
    page.locator(`[data-testid="api-key-row"][data-api-key-name="${KEY_NAME}"]`),
  ).toBeVisible();

  // A client with nothing but the key: no cookies.
  const client = await playwright.request.newContext({ baseURL });
  const auth = { Authorization: `Bearer ${secret}` };
  const url = `/api/v1/flows/${SLUG}/run`;
  const input = { question: "Where is parcel 4711?" };

  expect((await client.post(url, { data: { input } })).status()).toBe(401);
  const invalid = await client.post(url, { headers: auth, data: { input: {} } });
  expect(invalid.status()).toBe(400);

  const sync = await ok<{ run: { id: string; status: string; output: unknown } }>(
    await client.post(url, { headers: auth, data: { input, mode: "sync" } }),
  );
  expect(sync.run.status).toBe("succeeded");
  expect(sync.run.output).toBeTruthy();

  const queued = await client.post(url, { headers: auth, data: { input, mode: "async" } });
  expect(queued.status()).toBe(202);
  const asyncRun = (await queued.json()).run as { id: string; statusUrl: string };
  await expect
    .poll(
      async () =>
        (
          await ok<{ run: { status: string } }>(
            await client.get(asyncRun.statusUrl, { headers: auth }),
          )
        ).run.status,
      { timeout: 30_000 },
    )
    .toBe("succeeded");

  const streamed = await client.post(url, { headers: auth, data: { input, mode: "stream" } });
  expect(streamed.status()).toBe(200);
  expect(streamed.headers()["content-type"]).toContain("text/event-stream");
  const events = await streamed.text();
  expect(events).toContain("event: run.created");
  expect(events).toContain("event: node.token");
  expect(events).toContain("event: run.result");
  const streamRunId = /"id":"([^"]+)"/.exec(events)?.[1];
  expect(streamRunId).toBeTruthy();
  await client.dispose();

  // All three runs are in history as endpoint runs, with the endpoint and the key named.
  await page.goto("/runs?trigger=endpoint");
  const rows = page.getByTestId("runs-row");
  await expect(rows).toHaveCount(3);
  for (const id of [sync.run.id, asyncRun.id, streamRunId!]) {
    const row = rows.filter({ has: page.locator(`a[href="/runs/${id}"]`) });
    await expect(row).toContainText(SLUG);
    await expect(row).toContainText(KEY_NAME);
  }
  await page.screenshot({ path: test.info().outputPath("endpoint-runs.png"), fullPage: true });
});
