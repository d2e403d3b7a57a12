import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./support";

const SCRIPT_LABEL = "<script>window.__versionsXss = 1</script>Greeting";
const V1_TEMPLATE = "Hello {{ name }}\nThanks for writing.";
const V2_TEMPLATE = "Hello {{ name }}\nWe are on it.\nThanks for writing.";

interface GraphNode {
  id: string;
  label: string;
  config: Record<string, unknown>;
}

/** A new flow Input -> Template "greet" -> Output, created through the API. */
async function createFlow(page: Page): Promise<string> {
  const created = await page.request.post("/api/flows", { data: { name: "Versions e2e" } });
  expect(created.status(), await created.text()).toBe(201);
  const { flow } = await created.json();
  const graph = structuredClone(flow.graph);
  graph.nodes.push({
    id: "greet",
    type: "template",
    typeVersion: 1,
    label: SCRIPT_LABEL,
    config: { template: V1_TEMPLATE },
    policy: {},
    position: { x: 200, y: 0 },
  });
  graph.nodes.find((n: { id: string }) => n.id === "output").position = { x: 500, y: 0 };
  graph.edges = [
    { id: "e1", source: "input", sourcePort: "out", target: "greet", targetPort: "in" },
    { id: "e2", source: "greet", sourcePort: "out", target: "output", targetPort: "in" },
  ];
  const patched = await page.request.patch(`/api/flows/${flow.id}`, {
    data: { graph, revision: flow.revision },
  });
  expect(patched.status(), await patched.text()).toBe(200);
  const { issues } = await patched.json();
  expect(issues.filter((i: { severity: string }) => i.severity === "error")).toEqual([]);
  return flow.id as string;
}

async function draftNode(page: Page, flowId: string, nodeId: string): Promise<GraphNode> {
  const { flow } = await (await page.request.get(`/api/flows/${flowId}`)).json();
  return flow.graph.nodes.find((n: GraphNode) => n.id === nodeId);
}

test("versions: save, list, compare, restore (undoable) and refuse a draft with errors", async ({
  page,
}) => {
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await signIn(page);
  const flowId = await createFlow(page);
  await page.goto(`/flows/${flowId}`);
  const status = page.getByTestId("save-status");
  const greet = page.locator('[data-testid="flow-node"][data-node-id="greet"]');
  // The first editor page of a freshly started server can take a while on a busy machine.
  await expect(greet.getByTestId("flow-node-label")).toHaveText(SCRIPT_LABEL, { timeout: 30_000 });
  await expect(status).toHaveAttribute("data-status", "saved");

  // History starts empty.
  await page.getByRole("button", { name: "Version history" }).click();
  const sheet = page.getByRole("dialog", { name: "Version history" });
  await expect(sheet.getByText("No versions yet")).toBeVisible();
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();

  // Save v1 with a message; an empty message is refused first.
  await page.getByRole("button", { name: "Save version" }).click();
  const saveDialog = page.getByRole("dialog", { name: "Save version" });
  await saveDialog.getByRole("button", { name: "Save version" }).click();
  await expect(saveDialog.getByText("Required")).toBeVisible();
  await saveDialog.getByLabel("Message").fill("First greeting");
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("01-save-dialog.png") });
  await saveDialog.getByRole("button", { name: "Save version" }).click();
  await expect(saveDialog).toBeHidden();
  await expect(page.getByText("Saved version 1")).toBeVisible();

  // Edit the template node in the config panel, then save v2 with Mod+Shift+S right away:
  // the dialog stores the pending edit before snapshotting.
  await greet.click();
  await page.getByLabel("Label", { exact: true }).fill("Polite greeting");
  // Replace the whole template once the editor shows it (fill on a just-mounted editor can land
  // before its document does).
  const templateEditor = page.getByTestId("template-field-template").locator(".cm-content");
  await expect(templateEditor).toContainText("Thanks for writing.");
  await templateEditor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(V2_TEMPLATE);
  await expect(templateEditor).toContainText("We are on it.");
  await page.getByTestId("flow-name").click();
  await page.keyboard.press("ControlOrMeta+Shift+s");
  await saveDialog.getByLabel("Message").fill("Say we are on it");
  await saveDialog.getByRole("button", { name: "Save version" }).click();
  await expect(saveDialog).toBeHidden();
  await expect(page.getByText("Saved version 2")).toBeVisible();
  expect((await draftNode(page, flowId, "greet")).config.template).toBe(V2_TEMPLATE);

  // History lists both, newest first, with author and message.
  await page.getByRole("button", { name: "Version history" }).click();
  const rows = sheet.getByTestId("version-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute("data-version", "2");
  await expect(rows.nth(0).getByTestId("version-message")).toHaveText("Say we are on it");
  await expect(rows.nth(0).getByTestId("version-author")).toHaveText("Ada Admin");
  await expect(rows.nth(0).locator("time")).toHaveText("just now");
  await expect(rows.nth(1).getByTestId("version-message")).toHaveText("First greeting");
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("02-history.png") });

  // v1 against the draft (= v2): the label and the template changed.
  await sheet.getByRole("button", { name: "Compare with draft (version 1)" }).click();
  await expect(sheet.getByLabel("From", { exact: true })).toHaveValue(/.+/);
  await expect(sheet.locator('#compare-to option[value="draft"]')).toHaveText("Current draft");
  const changed = sheet.getByTestId("diff-changed-node");
  await expect(changed).toHaveCount(1);
  await expect(changed.getByTestId("diff-node-label")).toHaveText("Polite greeting");
  const label = changed.locator('[data-testid="field-change"][data-path="label"]');
  await expect(label.getByTestId("field-before")).toContainText(SCRIPT_LABEL);
  await expect(label.getByTestId("field-after")).toContainText("Polite greeting");
  const template = changed.locator('[data-testid="field-change"][data-path="config.template"]');
  await expect(template.locator('[data-kind="added"]')).toHaveText(/We are on it\./);
  await expect(template.locator('[data-kind="same"]')).toHaveCount(2);
  await expect(sheet.getByText("1 node changed")).toBeVisible();

  // v2 against the draft: nothing differs.
  await sheet.getByLabel("From", { exact: true }).selectOption({ label: "v2: Say we are on it" });
  await expect(sheet.getByText(/^No differences/)).toBeVisible();
  // v2 -> v1 reads the other way round.
  await sheet.getByLabel("To", { exact: true }).selectOption({ label: "v1: First greeting" });
  await expect(template.locator('[data-kind="removed"]')).toHaveText(/We are on it\./);
  await sheet.getByLabel("From", { exact: true }).selectOption({ label: "v1: First greeting" });
  await sheet.getByLabel("To", { exact: true }).selectOption({ label: "v2: Say we are on it" });
  await expect(label.getByTestId("field-before")).toContainText(SCRIPT_LABEL);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("03-diff.png") });
  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass(/dark/);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("03-diff-dark.png") });
  await page.emulateMedia({ colorScheme: "light" });

  // Restore v1 after confirming: the canvas and the stored draft show it, without a conflict.
  await sheet.getByRole("tab", { name: "Versions" }).click();
  await sheet.getByRole("button", { name: "Restore version 1" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Restore version 1?" });
  await expect(confirm).toContainText("Undo in the editor brings the current draft back");
  await confirm.getByRole("button", { name: "Restore" }).click();
  await expect(sheet).toBeHidden();
  await expect(greet.getByTestId("flow-node-label")).toHaveText(SCRIPT_LABEL);
  const restored = await draftNode(page, flowId, "greet");
  expect(restored.label).toBe(SCRIPT_LABEL);
  expect(restored.config.template).toBe(V1_TEMPLATE);
  await page.waitForTimeout(1_500);
  await expect(status).toHaveAttribute("data-status", "saved");
  const { flow: afterRestore } = await (await page.request.get(`/api/flows/${flowId}`)).json();
  await expect(page.getByTestId("flow-revision")).toHaveText(`rev ${afterRestore.revision}`);

  // Undo brings the previous draft back, and autosave stores it.
  await page.getByTestId("flow-name").click();
  await page.keyboard.press("ControlOrMeta+z");
  await expect(greet.getByTestId("flow-node-label")).toHaveText("Polite greeting");
  await expect
    .poll(async () => (await draftNode(page, flowId, "greet")).config.template, {
      timeout: 15_000,
    })
    .toBe(V2_TEMPLATE);
  await expect(status).toHaveAttribute("data-status", "saved");

  // A draft with errors: the button says why it is unavailable; the server refuses too.
  await greet.click();
  await page.getByTestId("flow-name").click();
  await page.keyboard.press("Delete");
  await expect(greet).toHaveCount(0);
  const saveButton = page.getByRole("button", { name: "Save version" });
  await expect(saveButton).toBeDisabled();
  await expect(page.getByTestId("save-version-reason")).toHaveText(
    "Fix 1 error to save a version.",
  );
  await page.screenshot({ path: test.info().outputPath("04-blocked.png") });
  await page.keyboard.press("ControlOrMeta+Shift+s");
  await expect(saveDialog.getByTestId("save-version-blocked")).toBeVisible();
  await saveDialog.getByLabel("Message").fill("Broken");
  await saveDialog.getByRole("button", { name: "Save version" }).click();
  await expect(saveDialog.getByTestId("form-error")).toContainText(
    "The flow has errors; fix them before saving a version.",
  );
  await expect(saveDialog.getByTestId("form-error")).toContainText("is not connected");
  await page.screenshot({ path: test.info().outputPath("05-refused.png") });
  await page.keyboard.press("Escape");
  const { versions } = await (await page.request.get(`/api/flows/${flowId}/versions`)).json();
  expect(versions).toHaveLength(2);

  // The shortcut overlay lists the new shortcuts.
  await page.getByTestId("flow-name").click();
  await page.keyboard.press("?");
  const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(shortcuts).toContainText("Save a version");
  await expect(shortcuts).toContainText("Mod+Shift+S");
  await page.keyboard.press("Escape");

  expect(await page.evaluate(() => "__versionsXss" in window)).toBe(false);
  expect(pageErrors).toEqual([]);
});
