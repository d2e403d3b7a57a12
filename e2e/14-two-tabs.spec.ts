import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

const outputLabel = (page: Page) =>
  page.locator('[data-testid="flow-node"][data-node-id="output"] [data-testid="flow-node-label"]');

/** Selects the Output node and types a new label into its config panel. */
async function relabelOutput(page: Page, label: string): Promise<void> {
  await page.locator('[data-testid="flow-node"][data-node-id="output"]').click();
  await page.getByLabel("Label", { exact: true }).fill(label);
  await expect(outputLabel(page)).toHaveText(label);
}

test("conflicting edits from two tabs: the second save is stopped, nothing is lost", async ({
  page,
  context,
}) => {
  await signIn(page);
  const created = await page.request.post("/api/flows", { data: { name: "Two tabs" } });
  expect(created.status(), await created.text()).toBe(201);
  const flowId = (await created.json()).flow.id as string;

  const tabA = page;
  const tabB = await context.newPage();
  for (const tab of [tabA, tabB]) {
    await tab.goto(`/flows/${flowId}`);
    await expect(tab.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
  }

  // Tab A saves first.
  await relabelOutput(tabA, "Answer from tab A");
  await expect(tabA.getByTestId("save-status")).toHaveAttribute("data-status", "saved", {
    timeout: 15_000,
  });

  // Tab B edited the older revision: its save is refused and its edit stays on screen.
  await relabelOutput(tabB, "Answer from tab B");
  const conflictB = tabB.getByTestId("conflict-alert");
  await expect(conflictB).toBeVisible({ timeout: 15_000 });
  await expect(conflictB).toContainText("This flow was changed elsewhere");
  await expect(outputLabel(tabB)).toHaveText("Answer from tab B");
  await tabB.screenshot({ path: test.info().outputPath("01-conflict-in-tab-b.png") });
  const stored = await (await tabB.request.get(`/api/flows/${flowId}`)).json();
  expect(stored.flow.graph.nodes.find((n: { id: string }) => n.id === "output").label).toBe(
    "Answer from tab A",
  );

  // "Download mine" keeps B's draft as an importable file, so choosing theirs loses nothing.
  const downloading = tabB.waitForEvent("download");
  await conflictB.getByRole("button", { name: "Download mine" }).click();
  const file = await (await downloading).path();
  const document = JSON.parse(await readFile(file, "utf8"));
  expect(document.format).toBe("trellis.flow");
  expect(document.name).toBe("Two tabs (my draft)");
  const imported = await tabB.request.post("/api/flows/import", { data: document });
  expect(imported.status(), await imported.text()).toBe(201);
  const importedFlow = (await imported.json()).flow;
  expect(importedFlow.graph.nodes.find((n: { id: string }) => n.id === "output").label).toBe(
    "Answer from tab B",
  );

  // B overwrites; A's next edit now conflicts in turn, and A reloads B's version.
  await conflictB.getByRole("button", { name: "Overwrite with mine" }).click();
  await expect(conflictB).toBeHidden();
  await expect(tabB.getByTestId("save-status")).toHaveAttribute("data-status", "saved", {
    timeout: 15_000,
  });
  await relabelOutput(tabA, "Answer from tab A, again");
  const conflictA = tabA.getByTestId("conflict-alert");
  await expect(conflictA).toBeVisible({ timeout: 15_000 });
  await conflictA.getByRole("button", { name: "Reload theirs" }).click();
  await expect(conflictA).toBeHidden();
  await expect(outputLabel(tabA)).toHaveText("Answer from tab B");
  await expect(tabA.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
  await tabA.screenshot({ path: test.info().outputPath("02-tab-a-reloaded.png") });

  for (const id of [flowId, importedFlow.id as string]) {
    expect((await tabA.request.delete(`/api/flows/${id}`)).status()).toBe(204);
  }
});
