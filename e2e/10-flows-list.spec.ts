import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./support";

/** Unique per run, so flows made by other specs (or an earlier run) never match. */
const RUN = Date.now().toString(36);
const XSS_NAME = `<img src=x onerror="window.__xss=1"> ${RUN}`;

interface FlowDetail {
  flow: {
    id: string;
    name: string;
    description: string;
    graph: { nodes: unknown[]; edges: unknown[] };
  };
  issues: { code: string; message: string }[];
}

const card = (page: Page, name: string) => page.getByRole("article", { name, exact: true });

async function createFlow(page: Page, name: string, extra: object = {}): Promise<string> {
  const response = await page.request.post("/api/flows", { data: { name, ...extra } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).flow.id as string;
}

async function flowDetail(page: Page, id: string): Promise<FlowDetail> {
  const response = await page.request.get(`/api/flows/${id}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as FlowDetail;
}

async function flowIds(page: Page): Promise<string[]> {
  const { flows } = await (await page.request.get("/api/flows")).json();
  return flows.map((flow: { id: string }) => flow.id);
}

async function openActions(page: Page, name: string) {
  await card(page, name)
    .getByRole("button", { name: `Actions for ${name}` })
    .click();
  return page.getByRole("menu");
}

/** Chooses a file in the hidden picker behind the Import button. */
async function importFile(page: Page, name: string, content: string | Buffer) {
  await page.getByTestId("import-file-input").setInputFiles({
    name,
    mimeType: "application/json",
    buffer: typeof content === "string" ? Buffer.from(content) : content,
  });
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

test("flows are created, renamed, duplicated and deleted from the list", async ({ page }) => {
  await signIn(page);
  await page.goto("/flows");
  await expect(card(page, "Ticket triage (example)")).toBeVisible();
  await expectAccessible(page);
  await shot(page, "01-list");

  // Create: the name is required, then the editor opens on the new flow.
  await page.getByRole("button", { name: "New flow" }).first().click();
  const create = page.getByRole("dialog", { name: "New flow" });
  await create.getByRole("button", { name: "Create and open" }).click();
  await expect(create.getByText("Required")).toBeVisible();
  await create.getByLabel("Name").fill(`Alpha ${RUN}`);
  await create.getByLabel("Description").fill("Drafted from the list");
  await expectAccessible(page);
  await shot(page, "02-create-dialog");
  await create.getByRole("button", { name: "Create and open" }).click();
  await expect(page).toHaveURL(/\/flows\/[^/?]+$/);
  const id = new URL(page.url()).pathname.split("/").pop()!;
  expect((await flowDetail(page, id)).flow).toMatchObject({
    name: `Alpha ${RUN}`,
    description: "Drafted from the list",
  });

  // Rename, through the actions menu driven by the keyboard.
  await page.goto(`/flows?q=${RUN}`);
  await card(page, `Alpha ${RUN}`)
    .getByRole("button", { name: `Actions for Alpha ${RUN}` })
    .focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Open in editor" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Rename…" })).toBeFocused();
  await page.keyboard.press("Enter");
  const rename = page.getByRole("dialog", { name: "Rename flow" });
  await expect(rename.getByLabel("Name")).toHaveValue(`Alpha ${RUN}`);
  await rename.getByLabel("Name").fill(`Beta ${RUN}`);
  await rename.getByLabel("Description").fill("Renamed from the list");
  await shot(page, "03-rename-dialog");
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(rename).toBeHidden();
  await expect(card(page, `Beta ${RUN}`)).toContainText("Renamed from the list");
  await expect(card(page, `Alpha ${RUN}`)).toHaveCount(0);
  expect((await flowDetail(page, id)).flow.name).toBe(`Beta ${RUN}`);

  // Duplicate.
  await (
    await openActions(page, `Beta ${RUN}`)
  )
    .getByRole("menuitem", { name: "Duplicate" })
    .click();
  const copy = card(page, `Beta ${RUN} (copy)`);
  await expect(copy).toBeVisible();
  const copyId = (await page
    .getByTestId("flow-card")
    .filter({ has: page.getByRole("link", { name: `Beta ${RUN} (copy)`, exact: true }) })
    .getAttribute("data-flow-id"))!;
  expect(copyId).not.toBe(id);
  expect((await flowDetail(page, copyId)).flow.graph).toEqual(
    (await flowDetail(page, id)).flow.graph,
  );

  // Delete asks first, naming the flow; Cancel keeps it.
  await (
    await openActions(page, `Beta ${RUN} (copy)`)
  )
    .getByRole("menuitem", { name: "Delete…" })
    .click();
  const confirm = page.getByRole("alertdialog", { name: `Delete “Beta ${RUN} (copy)”?` });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectAccessible(page);
  await shot(page, "04-delete-confirm");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(copy).toBeVisible();
  expect((await page.request.get(`/api/flows/${copyId}`)).status()).toBe(200);

  await (
    await openActions(page, `Beta ${RUN} (copy)`)
  )
    .getByRole("menuitem", { name: "Delete…" })
    .click();
  await confirm.getByRole("button", { name: "Delete flow" }).click();
  await expect(copy).toHaveCount(0);
  expect((await page.request.get(`/api/flows/${copyId}`)).status()).toBe(404);
  await expect(card(page, `Beta ${RUN}`)).toBeVisible();
});

test("search asks the server once typing pauses; sort orders by update or name", async ({
  page,
}) => {
  await signIn(page);
  const tag = `s${RUN}`;
  for (const fruit of ["Mango", "apple", "Kiwi"]) await createFlow(page, `${fruit} ${tag}`);

  const searches: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/api/flows" && url.searchParams.has("q")) {
      searches.push(url.searchParams.get("q")!);
    }
  });
  await page.goto("/flows");
  await expect(card(page, "Ticket triage (example)")).toBeVisible();
  const finalSearch = page.waitForRequest(
    (request) => new URL(request.url()).searchParams.get("q") === tag,
  );
  await page.getByLabel("Search flows").pressSequentially(tag, { delay: 40 });
  await finalSearch;
  const titles = page.getByTestId("flow-card").getByRole("heading");
  await expect(titles).toHaveText([`Kiwi ${tag}`, `apple ${tag}`, `Mango ${tag}`]);
  // Debounced: typing the whole word sent a request or two (a slow machine may pause mid-word),
  // not one per keystroke, and the last one carries the whole word.
  expect(searches.length).toBeLessThanOrEqual(3);
  expect(searches.at(-1)).toBe(tag);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${tag}`));

  await page.getByLabel("Sort by").selectOption({ label: "Name (A–Z)" });
  await expect(titles).toHaveText([`apple ${tag}`, `Kiwi ${tag}`, `Mango ${tag}`]);
  await expect(page).toHaveURL(/sort=name/);

  // The address keeps the search and order, so a reload (or coming back) restores them.
  await page.reload();
  await expect(page.getByLabel("Search flows")).toHaveValue(tag);
  await expect(titles).toHaveText([`apple ${tag}`, `Kiwi ${tag}`, `Mango ${tag}`]);
  await page.getByLabel("Sort by").selectOption({ label: "Recently updated" });
  await expect(titles).toHaveText([`Kiwi ${tag}`, `apple ${tag}`, `Mango ${tag}`]);

  await page.getByLabel("Search flows").fill(`nothing-${tag}`);
  await expect(
    page.getByRole("heading", { name: `No flows match “nothing-${tag}”` }),
  ).toBeVisible();
  await expectAccessible(page);
  await shot(page, "05-empty-search");
  await page.getByRole("button", { name: "Clear search" }).first().click();
  await expect(page.getByLabel("Search flows")).toHaveValue("");
  await expect(card(page, "Ticket triage (example)")).toBeVisible();
});

test("an exported flow imports back as the same graph, by picker or by drop", async ({ page }) => {
  await signIn(page);
  const { flows } = await (await page.request.get("/api/flows?q=Ticket triage")).json();
  const seeded = flows.find((flow: { name: string }) => flow.name === "Ticket triage (example)");
  const triage = await flowDetail(page, seeded.id);
  const graph = triage.flow.graph as { nodes: { label: string }[]; edges: unknown[] };
  graph.nodes[0]!.label = "<script>window.__xss=2</script>";
  const name = `Export ${RUN}`;
  const sourceId = await createFlow(page, name, { description: "Round trip", graph });

  await page.goto(`/flows?q=${encodeURIComponent(name)}`);
  const downloading = page.waitForEvent("download");
  await (await openActions(page, name)).getByRole("menuitem", { name: "Export JSON" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`export-${RUN}.trellis.json`);
  const file = await readFile((await download.path())!);

  await importFile(page, download.suggestedFilename(), file);
  const result = page.getByTestId("import-result");
  await expect(result).toContainText(`Imported “${name}”`);
  await expect(result).toContainText("The flow is valid and ready to run.");
  await shot(page, "06-imported");
  const importedId = (await result
    .getByRole("link", { name: "Open in the editor" })
    .getAttribute("href"))!
    .split("/")
    .pop()!;
  expect(importedId).not.toBe(sourceId);
  const [source, imported] = [await flowDetail(page, sourceId), await flowDetail(page, importedId)];
  expect(imported.flow.graph).toEqual(source.flow.graph);
  expect(imported.flow).toMatchObject({ name, description: "Round trip" });
  await expect(page.getByTestId("flow-card")).toHaveCount(2);

  // Dropping the file anywhere on the page imports it too.
  const before = await flowIds(page);
  const dataTransfer = await page.evaluateHandle(
    ({ text, fileName }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], fileName, { type: "application/json" }));
      return transfer;
    },
    { text: file.toString("utf8"), fileName: "dropped.json" },
  );
  await page.dispatchEvent("main", "dragenter", { dataTransfer });
  await expect(page.getByTestId("drop-overlay")).toBeVisible();
  await shot(page, "07-drop-overlay");
  await page.dispatchEvent("main", "drop", { dataTransfer });
  await expect(page.getByTestId("drop-overlay")).toBeHidden();
  await expect(page.getByTestId("flow-card")).toHaveCount(3);
  const dropped = (await flowIds(page)).filter((id) => !before.includes(id));
  expect(dropped).toHaveLength(1);
  expect((await flowDetail(page, dropped[0]!)).flow.graph).toEqual(source.flow.graph);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
});

test("bad files are refused with a clear reason; unknown node types import with their issues", async ({
  page,
}) => {
  await signIn(page);
  await page.goto("/flows");
  await expect(card(page, "Ticket triage (example)")).toBeVisible();
  const before = await flowIds(page);
  const error = page.getByTestId("import-error");

  await importFile(page, "broken.json", '{ "format": "trellis.flow", ');
  await expect(error).toContainText("Could not import broken.json");
  await expect(error).toContainText("The file is not valid JSON.");
  await expect(error).toContainText("Nothing was imported.");
  await expectAccessible(page);
  await shot(page, "08-import-malformed");

  await importFile(page, "other.json", JSON.stringify({ hello: "world" }));
  await expect(error).toContainText("Could not import other.json");
  await expect(error).toContainText("not a Trellis flow export");
  await expect(error).toContainText("format:");
  await shot(page, "09-import-not-a-flow");

  const big = Buffer.alloc(10 * 1024 * 1024, " ");
  await importFile(page, "huge.json", big);
  await expect(error).toContainText("Could not import huge.json");
  await expect(error).toContainText(
    "The file is too large (10.5 MB). Flow files can be at most 2 MB.",
  );
  // The server refuses it on its own too, whatever the page checks.
  const refused = await page.request.post("/api/flows/import", {
    headers: { "Content-Type": "application/json" },
    data: `{"pad":"${"x".repeat(10 * 1024 * 1024)}"}`,
  });
  expect(refused.status()).toBe(413);
  expect((await refused.json()).error.code).toBe("payload_too_large");
  expect(await flowIds(page)).toEqual(before);

  // Unknown node types are not fatal: the flow is imported and the issues are listed.
  const unknown = {
    format: "trellis.flow",
    version: 1,
    name: `Oracle ${RUN}`,
    description: "",
    graph: {
      nodes: [
        { id: "in", type: "input", typeVersion: 1, config: {} },
        { id: "oracle", type: "quantum-oracle", typeVersion: 1, config: {} },
        { id: "out", type: "output", typeVersion: 1, config: {} },
      ],
      edges: [
        { id: "e1", source: "in", sourcePort: "out", target: "oracle", targetPort: "in" },
        { id: "e2", source: "oracle", sourcePort: "out", target: "out", targetPort: "in" },
      ],
    },
  };
  await importFile(page, "oracle.json", JSON.stringify(unknown));
  const result = page.getByTestId("import-result");
  await expect(result).toContainText(`Imported “Oracle ${RUN}”`);
  await expect(result.getByTestId("import-issues")).toContainText(
    "to fix in the editor before it can run",
  );
  await expect(result).toContainText("node oracle: Unknown node type quantum-oracle v1");
  await expect(error).toHaveCount(0);
  await expectAccessible(page);
  await shot(page, "10-import-unknown-type");
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(result).toHaveCount(0);
  const created = (await flowIds(page)).filter((id) => !before.includes(id));
  expect(created).toHaveLength(1);
  expect((await flowDetail(page, created[0]!)).issues.map((issue) => issue.code)).toContain(
    "unknown_node_type",
  );
});

test("flow names with markup render as text everywhere on the list", async ({ page }) => {
  await signIn(page);
  const id = await createFlow(page, XSS_NAME, { description: "<script>window.__xss=3</script>" });
  await page.goto(`/flows?q=${encodeURIComponent(RUN)}`);
  const xss = card(page, XSS_NAME);
  await expect(xss).toBeVisible();
  await expect(xss).toContainText("<script>window.__xss=3</script>");
  await expect(page.locator('img[src="x"]')).toHaveCount(0);

  await (await openActions(page, XSS_NAME)).getByRole("menuitem", { name: "Delete…" }).click();
  await expect(page.getByRole("alertdialog", { name: `Delete “${XSS_NAME}”?` })).toBeVisible();
  await page.keyboard.press("Escape");
  await (await openActions(page, XSS_NAME)).getByRole("menuitem", { name: "Rename…" }).click();
  await expect(page.getByRole("dialog").getByLabel("Name")).toHaveValue(XSS_NAME);
  await page.keyboard.press("Escape");
  await (await openActions(page, XSS_NAME)).getByRole("menuitem", { name: "Duplicate" }).click();
  await expect(card(page, `${XSS_NAME} (copy)`)).toBeVisible();
  await expect(page.getByText(`Duplicated as ${XSS_NAME} (copy)`)).toBeVisible();

  const exported = await (await page.request.get(`/api/flows/${id}/export`)).text();
  await importFile(page, "markup.json", exported);
  await expect(page.getByTestId("import-result")).toContainText(`Imported “${XSS_NAME}”`);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
  await shot(page, "11-markup-as-text");
});
