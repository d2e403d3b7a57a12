import { expect, test, type Page } from "@playwright/test";
import { connect, handle } from "./canvas";
import { expectAccessible, signIn } from "./support";

const XSS_LABEL = "<img src=x onerror=alert(1)>";

async function triageId(page: Page): Promise<string> {
  const { flows } = await (await page.request.get("/api/flows")).json();
  const triage = flows.find((f: { name: string }) => f.name === "Ticket triage (example)");
  expect(triage, "the seeded triage flow").toBeTruthy();
  return triage.id as string;
}

test("the flow editor edits, validates, undoes, autosaves and reports a conflict", async ({
  page,
}) => {
  // A long story: on a loaded 2-core machine it takes over a minute.
  test.setTimeout(150_000);
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("dialog", (dialog) => {
    pageErrors.push(`unexpected dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await signIn(page);
  const flowId = await triageId(page);
  await page.goto(`/flows/${flowId}`);

  // The seeded flow renders with its nodes and typed handles.
  const canvas = page.getByRole("region", { name: "Flow canvas" });
  await expect(canvas).toBeVisible();
  await expect(page.getByTestId("flow-node")).toHaveCount(10);
  await expect(
    page.getByTestId("flow-node-label").filter({ hasText: "Classify intent" }),
  ).toBeVisible();
  await expect(handle(page, "classify", "source", "billing")).toHaveCount(1);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("01-opened.png") });

  // Add a Template node from the palette: it is unconnected, so an issue appears.
  await page.getByRole("button", { name: "Add Template" }).click();
  await expect(page.getByTestId("flow-node")).toHaveCount(11);
  const problem = page.locator('[data-testid="problem"][data-code="unconnected_input"]');
  await expect(problem).toHaveCount(1);
  const templateId = (await problem.getAttribute("data-node-id"))!;
  expect(templateId).toMatch(/^template-/);
  const templateNode = page.locator(`[data-testid="flow-node"][data-node-id="${templateId}"]`);
  await expect(templateNode.getByTestId("node-issues")).toBeVisible();

  // Its label renders as text, never as markup.
  await page.getByLabel("Label", { exact: true }).fill(XSS_LABEL);
  await expect(templateNode.getByTestId("flow-node-label")).toHaveText(XSS_LABEL);
  await expect(templateNode.locator("img")).toHaveCount(0);
  await expect(page.getByTestId("template-field-template")).toBeVisible();
  await expectAccessible(page);

  // Auto-layout puts it beside the Input node; the problem focuses it.
  await page.getByRole("heading", { name: "Ticket triage (example)" }).click();
  await page.keyboard.press("Shift+L");
  // Layout ends with an animated fit of the view; let it finish before focusing the node.
  await page.waitForTimeout(600);
  await problem.click();
  await expect(handle(page, templateId, "target", "in")).toBeInViewport();
  await expect
    .poll(async () => (await handle(page, templateId, "target", "in").boundingBox())?.width ?? 0)
    .toBeGreaterThan(8);
  await page.screenshot({ path: test.info().outputPath("02-added.png") });

  // Connect Input -> Template: the issue is fixed.
  await connect(
    page,
    handle(page, "input", "source", "out"),
    handle(page, templateId, "target", "in"),
  );
  await expect(problem).toHaveCount(0);
  await expect(templateNode.getByTestId("node-issues")).toHaveCount(0);

  // A second edge into a single-edge input is refused with the reason.
  await connect(
    page,
    handle(page, "input", "source", "out"),
    handle(page, templateId, "target", "in"),
  );
  await expect(page.getByTestId("connect-message")).toContainText("already connected");

  // Undo removes the edge (the issue is back); redo restores it.
  await page.getByRole("heading", { name: "Ticket triage (example)" }).click();
  await page.keyboard.press("ControlOrMeta+z");
  await expect(problem).toHaveCount(1);
  await page.keyboard.press("ControlOrMeta+Shift+z");
  await expect(problem).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("03-connected.png") });

  // Autosave persists the draft: a reload shows the new node and edge.
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", {
    timeout: 15_000,
  });
  await page.reload();
  await expect(page.getByTestId("flow-node")).toHaveCount(11);
  await expect(
    page
      .locator(`[data-testid="flow-node"][data-node-id="${templateId}"]`)
      .getByTestId("flow-node-label"),
  ).toHaveText(XSS_LABEL);
  const saved = await (await page.request.get(`/api/flows/${flowId}`)).json();
  expect(
    saved.flow.graph.edges.some(
      (e: { source: string; target: string }) => e.source === "input" && e.target === templateId,
    ),
  ).toBe(true);

  // Someone else saves in between: the next autosave gets a 409 and says so, keeping our edit.
  const other = await page.request.patch(`/api/flows/${flowId}`, {
    data: { graph: saved.flow.graph, revision: saved.flow.revision },
  });
  expect(other.status(), await other.text()).toBe(200);
  const theirRevision = (await other.json()).flow.revision as number;
  await page.locator(`[data-testid="flow-node"][data-node-id="${templateId}"]`).click();
  await page.getByLabel("Label", { exact: true }).fill("Mine after conflict");
  const conflict = page.getByTestId("conflict-alert");
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await expect(conflict).toContainText(
    `This flow was changed elsewhere (revision ${theirRevision})`,
  );
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "conflict");
  await expect(
    page
      .locator(`[data-testid="flow-node"][data-node-id="${templateId}"]`)
      .getByTestId("flow-node-label"),
  ).toHaveText("Mine after conflict");
  await page.screenshot({ path: test.info().outputPath("04-conflict.png") });

  await conflict.getByRole("button", { name: "Overwrite with mine" }).click();
  await expect(conflict).toBeHidden();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", {
    timeout: 15_000,
  });
  const after = await (await page.request.get(`/api/flows/${flowId}`)).json();
  expect(after.flow.revision).toBeGreaterThan(theirRevision);
  expect(after.flow.graph.nodes.find((n: { id: string }) => n.id === templateId)?.label).toBe(
    "Mine after conflict",
  );

  // A second conflict, resolved the other way: reload theirs replaces the local draft.
  const theirs = structuredClone(after.flow.graph);
  theirs.nodes.find((n: { id: string }) => n.id === templateId).label = "Theirs";
  const second = await page.request.patch(`/api/flows/${flowId}`, {
    data: { graph: theirs, revision: after.flow.revision },
  });
  expect(second.status(), await second.text()).toBe(200);
  await page.getByLabel("Label", { exact: true }).fill("Mine again");
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await conflict.getByRole("button", { name: "Reload theirs" }).click();
  await expect(conflict).toBeHidden();
  await expect(templateNode.getByTestId("flow-node-label")).toHaveText("Theirs");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");

  // Drag a node type from the palette onto the canvas; undo takes it away again.
  await page.getByTestId("palette-output").dragTo(canvas, { targetPosition: { x: 120, y: 120 } });
  await expect(page.getByTestId("flow-node")).toHaveCount(12);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("flow-node")).toHaveCount(11);

  // Quick-add menu (Mod+K), duplicate (Mod+D), copy and paste, each undone again.
  await page.getByRole("heading", { name: "Ticket triage (example)" }).click();
  await page.keyboard.press("ControlOrMeta+k");
  const quickAdd = page.getByRole("dialog", { name: "Add a node" });
  await quickAdd.getByRole("textbox", { name: "Node type" }).fill("merge");
  await expectAccessible(page);
  await page.keyboard.press("Enter");
  await expect(quickAdd).toBeHidden();
  await expect(page.getByTestId("flow-node")).toHaveCount(12);
  await page.getByRole("heading", { name: "Ticket triage (example)" }).click();
  await page.keyboard.press("ControlOrMeta+d");
  await expect(page.getByTestId("flow-node")).toHaveCount(13);
  await page.keyboard.press("ControlOrMeta+c");
  await page.keyboard.press("ControlOrMeta+v");
  await expect(page.getByTestId("flow-node")).toHaveCount(14);
  await page.keyboard.press("ControlOrMeta+z");
  await page.keyboard.press("ControlOrMeta+z");
  await page.keyboard.press("ControlOrMeta+z");
  await expect(page.getByTestId("flow-node")).toHaveCount(11);

  // Run the draft on the simulated model: each node gets its status on the canvas.
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", {
    timeout: 15_000,
  });
  await page.getByRole("tab", { name: "Run" }).click();
  await page.getByRole("button", { name: "JSON", exact: true }).click();
  await page
    .getByLabel("Input (JSON)")
    .fill(JSON.stringify({ subject: "Cannot log in", body: "The login page shows an error." }));
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-status")).toBeVisible({ timeout: 30_000 });
  await expect(
    page.locator('[data-testid="flow-node"][data-node-id="input"] [data-testid="node-run"]'),
  ).toHaveAttribute("data-status", "succeeded");
  await expect(
    page.locator(
      `[data-testid="flow-node"][data-node-id="${templateId}"] [data-testid="node-run"]`,
    ),
  ).toHaveAttribute("data-status", "succeeded");
  await page.locator('[data-testid="flow-node"][data-node-id="classify"]').click();
  await page.getByRole("tab", { name: "Node" }).click();
  await expect(page.getByTestId("node-run-details")).toContainText("Succeeded");
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("05-run.png") });

  // Shortcuts overlay.
  await page.getByRole("heading", { name: "Ticket triage (example)" }).click();
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");

  // Config-dependent ports: a new Classifier label adds an output handle; undo removes it.
  const classifyOutputs = page.locator('.react-flow__handle.source[data-nodeid="classify"]');
  await expect(classifyOutputs).toHaveCount(4);
  await page.getByRole("button", { name: "Add to labels" }).click();
  await page.getByLabel("Label", { exact: true }).last().fill("shipping");
  await expect(classifyOutputs).toHaveCount(5);
  await expect(handle(page, "classify", "source", "shipping")).toHaveCount(1);
  await page.getByRole("heading", { name: "Ticket triage (example)" }).click();
  await page.keyboard.press("ControlOrMeta+z");
  await page.keyboard.press("ControlOrMeta+z");
  await expect(classifyOutputs).toHaveCount(4);

  // Dark theme (the app follows the system preference by default).
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expect(page.locator(".react-flow")).toHaveClass(/dark/);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("06-dark.png") });
  await page.emulateMedia({ colorScheme: "light" });

  // Restore the seeded draft for later specs: delete the added node.
  await page.locator(`[data-testid="flow-node"][data-node-id="${templateId}"]`).click();
  await page.getByRole("heading", { name: "Ticket triage (example)" }).click();
  await page.keyboard.press("Delete");
  await expect(page.getByTestId("flow-node")).toHaveCount(10);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", {
    timeout: 15_000,
  });
  expect(pageErrors).toEqual([]);
});
