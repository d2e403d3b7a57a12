import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./support";

test.use({ viewport: { width: 1440, height: 900 } });
// Several people sign in and a production build under load needs more than the default minute.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const PROMPT = "e2e-reply";
const EVE = { name: "Eve Editor", email: "eve@example.com", roles: ["editor"] };
const BEA = { name: "Bea Approver", email: "bea@example.com", roles: ["approver"] };
const CARL = { name: "Carl Approver", email: "carl@example.com", roles: ["approver"] };
const TEMPORARY = "temporary-pass-42";
const PASSWORD = "their-own-password-9";

type Person = typeof EVE;

/** Adds a member with a temporary password, then lets them choose their own. */
async function addMember(admin: APIRequestContext, browser: Browser, person: Person) {
  const added = await admin.post("/api/members", {
    data: { ...person, temporaryPassword: TEMPORARY },
  });
  expect(added.status(), await added.text()).toBe(201);
  const context = await browser.newContext();
  await signIn(await context.newPage(), person.email, TEMPORARY);
  const changed = await context.request.post("/api/me/password", {
    data: { currentPassword: TEMPORARY, newPassword: PASSWORD },
  });
  expect(changed.status(), await changed.text()).toBe(200);
  await context.close();
}

/** A signed-in page of its own (own cookies) for one person. */
async function pageOf(browser: Browser, person: Person): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page, person.email, PASSWORD);
  return page;
}

async function json<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  expect(response.ok(), `${response.url()}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

interface Detail {
  id: string;
  status: string;
  approvals: number;
  target: { version: number };
}

/** The open change requests of the prompt, newest first. */
async function openRequests(request: APIRequestContext): Promise<Detail[]> {
  const body = await json<{ changeRequests: Detail[] }>(
    await request.get("/api/change-requests?status=open"),
  );
  return body.changeRequests;
}

async function productionVersion(request: APIRequestContext, promptId: string) {
  const { prompt } = await json<{ prompt: { labels: { name: string; version: number | null }[] } }>(
    await request.get(`/api/prompts/${promptId}`),
  );
  return prompt.labels.find((label) => label.name === "production")?.version ?? null;
}

/** Types at the end of the prompt page's template editor. */
async function appendToTemplate(page: Page, text: string) {
  const editor = page.getByTestId("prompt-editor").locator(".cm-content").first();
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text);
}

async function saveVersion(page: Page, message: string) {
  await page.getByRole("button", { name: "Save version" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Message").fill(message);
  await dialog.getByRole("button", { name: "Save version" }).click();
  await expect(dialog).toBeHidden();
}

let promptId = "";
let flowId = "";

test("setup: members, a governed prompt in production at v1, and a flow that uses it", async ({
  page,
  browser,
}) => {
  await signIn(page);
  for (const person of [EVE, BEA, CARL]) await addMember(page.request, browser, person);

  const created = await json<{ prompt: { id: string; latest: { id: string } } }>(
    await page.request.post("/api/prompts", {
      data: {
        name: PROMPT,
        description: "Replies to customer questions",
        template: "Reply politely to: {{ input.question }}",
        model: { connection: "simulated", model: "sim-small" },
        message: "First version",
      },
    }),
  );
  promptId = created.prompt.id;
  // Production starts at v1 the governed way: the admin asks, an approver approves.
  const opened = await json<Detail>(
    await page.request.post("/api/change-requests", {
      data: {
        kind: "prompt.label",
        promptId,
        label: "production",
        versionId: created.prompt.latest.id,
      },
    }),
  );
  const bea = await pageOf(browser, BEA);
  await json(
    await bea.request.post(`/api/change-requests/${opened.id}/decisions`, {
      data: { decision: "approve", comment: "Initial version" },
    }),
  );
  await bea.context().close();
  expect(await productionVersion(page.request, promptId)).toBe(1);

  const graph = {
    nodes: [
      {
        id: "in",
        type: "input",
        typeVersion: 1,
        label: "in",
        config: {},
        policy: {},
        position: { x: 0, y: 100 },
      },
      {
        id: "reply",
        type: "llm",
        typeVersion: 1,
        label: "reply",
        config: { prompt: { kind: "managed", name: PROMPT, label: "production" } },
        policy: {},
        position: { x: 300, y: 100 },
      },
      {
        id: "out",
        type: "output",
        typeVersion: 1,
        label: "out",
        config: {},
        policy: {},
        position: { x: 600, y: 100 },
      },
    ],
    edges: [
      { id: "e1", source: "in", sourcePort: "out", target: "reply", targetPort: "in" },
      { id: "e2", source: "reply", sourcePort: "out", target: "out", targetPort: "in" },
    ],
  };
  const flow = await json<{ flow: { id: string } }>(
    await page.request.post("/api/flows", { data: { name: "Governed reply", graph } }),
  );
  flowId = flow.flow.id;
});

test("an editor proposes v2 for production, an approver reads the diff and approves, the next run uses v2", async ({
  page,
  browser,
}) => {
  const eve = await pageOf(browser, EVE);
  await eve.goto("/prompts");
  await eve.getByTestId("prompt-row").filter({ hasText: PROMPT }).getByRole("link").first().click();
  await expect(eve.getByTestId("template-variables")).toContainText("input");
  await appendToTemplate(eve, " Thank them warmly.");
  await expect(eve.getByTestId("save-state")).toHaveText("Unsaved changes");
  await saveVersion(eve, "Warmer tone");
  await expect(eve.getByTestId("save-state")).toHaveText("Saved as v2");

  await eve.getByRole("button", { name: "Request change: production" }).click();
  const dialog = eve.getByRole("dialog");
  await dialog.getByLabel("Title").fill("Warmer replies");
  await dialog.getByRole("button", { name: "Request change" }).click();
  await expect(dialog).toBeHidden();
  const [request] = await openRequests(eve.request);
  expect(request).toMatchObject({ status: "open", target: { version: 2 } });
  await expect(eve.getByTestId("label-change-request")).toContainText("Warmer replies");
  await eve.screenshot({ path: test.info().outputPath("prompt-editor.png"), fullPage: true });
  await expectAccessible(eve);
  // The editor may not decide (no change.approve), whatever the request.
  const refused = await eve.request.post(`/api/change-requests/${request!.id}/decisions`, {
    data: { decision: "approve" },
  });
  expect(refused.status()).toBe(403);
  await eve.context().close();

  const bea = await pageOf(browser, BEA);
  await bea.goto("/approvals");
  const row = bea.locator(`[data-testid="change-request-row"][data-request-id="${request!.id}"]`);
  await expect(row).toContainText("Warmer replies");
  await row.getByRole("link").first().click();
  await expect(bea).toHaveURL(new RegExp(`/approvals/requests/${request!.id}$`));
  await expect(bea.getByTestId("prompt-diff")).toContainText("Thank them warmly.");
  await bea.screenshot({ path: test.info().outputPath("change-request.png"), fullPage: true });
  await expectAccessible(bea);
  const decision = bea.getByRole("form", { name: "Your decision" });
  await decision.getByLabel("Comment").fill("Reads well");
  await decision.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(bea.getByTestId("request-outcome")).toBeVisible();
  expect(await productionVersion(bea.request, promptId)).toBe(2);
  await bea.context().close();

  await signIn(page);
  const started = await json<{ run: { id: string; status: string } }>(
    await page.request.post(`/api/flows/${flowId}/runs`, {
      data: { input: { question: "Where is my parcel?" }, waitMs: 30_000 },
    }),
  );
  expect(started.run.status).toBe("succeeded");
  await page.goto(`/runs/${started.run.id}`);
  await page.locator('[data-testid="timeline-bar"][data-node-id="reply"]').click();
  await expect(page.getByTestId("attempt-prompt-version")).toHaveText(`${PROMPT} v2`);
  await page.screenshot({ path: test.info().outputPath("run-prompt-version.png"), fullPage: true });
});

test("self-approval is refused, and an edit after an approval invalidates it", async ({
  page,
  browser,
}) => {
  await signIn(page);
  const policy = await page.request.put("/api/workspaces/active/approval-policy", {
    data: { requiredApprovals: 2, protectedLabels: ["production"] },
  });
  expect(policy.status(), await policy.text()).toBe(200);

  // The admin writes v3 and asks for production: admins may approve, but never their own.
  await page.goto(`/prompts/${promptId}`);
  await appendToTemplate(page, " Sign as the Acme team.");
  await saveVersion(page, "Signature");
  await expect(page.getByTestId("save-state")).toHaveText("Saved as v3");
  await page.getByRole("button", { name: "Request change: production" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Request change" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  const [request] = await openRequests(page.request);
  expect(request!.target.version).toBe(3);

  await page.goto(`/approvals/requests/${request!.id}`);
  await expect(page.getByTestId("author-note")).toContainText("another approver must decide it");
  await expect(page.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
  const self = await page.request.post(`/api/change-requests/${request!.id}/decisions`, {
    data: { decision: "approve" },
  });
  expect(self.status()).toBe(403);
  expect((await self.json()).error).toMatchObject({
    code: "self_approval",
    message: "You opened this change request; another approver must decide it.",
  });

  const bea = await pageOf(browser, BEA);
  await json(
    await bea.request.post(`/api/change-requests/${request!.id}/decisions`, {
      data: { decision: "approve", comment: "Fine by me" },
    }),
  );
  // Two approvals are needed: one so far, production has not moved.
  expect(await productionVersion(page.request, promptId)).toBe(2);

  // The author edits again and moves the request to v4: Bea's approval no longer counts.
  await page.goto(`/prompts/${promptId}`);
  await appendToTemplate(page, " Keep it short.");
  await page.getByRole("button", { name: "Save version" }).first().click();
  const save = page.getByRole("dialog");
  await save.getByLabel("Message").fill("Shorter");
  await expect(save.getByRole("checkbox", { name: /Update change request/ })).toBeChecked();
  await save.getByRole("button", { name: "Save version" }).click();
  await expect(save).toBeHidden();
  await expect(page.getByTestId("save-state")).toHaveText("Saved as v4");

  await bea.goto(`/approvals/requests/${request!.id}`);
  const invalidated = bea.locator('[data-testid="decision"][data-invalidated]');
  await expect(invalidated).toContainText("Bea Approver");
  await expect(bea.getByTestId("approval-count").first()).toContainText("0");
  await bea.screenshot({ path: test.info().outputPath("invalidated.png"), fullPage: true });
  const after = await json<Detail>(await bea.request.get(`/api/change-requests/${request!.id}`));
  expect(after).toMatchObject({ status: "open", approvals: 0, target: { version: 4 } });
  await bea.context().close();
});

test("an approver rolls production back at once, with a reason, and the audit log shows it", async ({
  browser,
}) => {
  const bea = await pageOf(browser, BEA);
  await bea.goto(`/prompts/${promptId}`);
  await bea.getByRole("button", { name: "Emergency rollback: production" }).click();
  const dialog = bea.getByRole("dialog");
  await dialog.getByRole("radio", { name: /v1/ }).check();
  await dialog.getByLabel("Reason").fill("v2 answers break the SMS length limit");
  await dialog.getByRole("checkbox", { name: /without approval/ }).check();
  await dialog.getByRole("button", { name: "Roll back now" }).click();
  await expect(dialog).toBeHidden();
  expect(await productionVersion(bea.request, promptId)).toBe(1);
  await expect(
    bea
      .locator('[data-testid="prompt-label-row"][data-label="production"]')
      .getByTestId("label-version"),
  ).toContainText("v1");

  await bea.goto("/audit?action=prompt.label.rollback");
  const row = bea.getByTestId("audit-row").filter({ hasText: "Rolled back a prompt label" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Bea Approver");
  await row.getByTestId("audit-row-toggle").click();
  await expect(bea.getByText("v2 answers break the SMS length limit").first()).toBeVisible();
  await bea.screenshot({ path: test.info().outputPath("audit-rollback.png"), fullPage: true });
  await expectAccessible(bea);
  await bea.context().close();
});
