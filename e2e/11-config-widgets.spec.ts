import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./support";

interface SavedNode {
  id: string;
  type: string;
  config: Record<string, unknown>;
}

async function createFlow(page: Page, name: string): Promise<string> {
  const response = await page.request.post("/api/flows", { data: { name } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).flow.id as string;
}

/** The saved draft's nodes, once autosave has caught up. */
async function savedNodes(page: Page, flowId: string): Promise<SavedNode[]> {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved", {
    timeout: 15_000,
  });
  const response = await page.request.get(`/api/flows/${flowId}`);
  expect(response.status()).toBe(200);
  return (await response.json()).flow.graph.nodes as SavedNode[];
}

async function savedConfig(page: Page, flowId: string, type: string) {
  return (await savedNodes(page, flowId)).find((n) => n.type === type)?.config;
}

/** Screenshots a widget in the light theme and in the dark one. */
async function shoot(page: Page, widget: Locator, name: string): Promise<void> {
  const setDark = (dark: boolean) =>
    page.evaluate((on) => {
      document.documentElement.classList.toggle("dark", on);
      document.documentElement.style.colorScheme = on ? "dark" : "light";
    }, dark);
  await setDark(false);
  await widget.screenshot({ path: test.info().outputPath(`${name}-light.png`) });
  await setDark(true);
  await widget.screenshot({ path: test.info().outputPath(`${name}-dark.png`) });
  await setDark(false);
}

// Tall enough that each widget fits the inspector, for whole-widget screenshots.
test.use({ viewport: { width: 1400, height: 1800 } });

const nodeOf = (page: Page, type: string) =>
  page.locator(`[data-testid="flow-node"][data-node-id^="${type}"]`).first();

test("config widgets: key-value headers, visual JSON schema, managed prompt picker", async ({
  page,
}) => {
  // One story across three widgets, each checked against the saved draft: longer than the default.
  test.setTimeout(180_000);
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await signIn(page);
  const flowId = await createFlow(page, "Config widgets");
  await page.goto(`/flows/${flowId}`);
  await expect(page.getByTestId("flow-canvas")).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");

  // The Input node's schema: a visual editor; add a required string and an integer property.
  await nodeOf(page, "input").click();
  const schemaField = page.getByTestId("json-schema-field");
  await expect(schemaField.getByRole("tab", { name: "Visual" })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await expect(schemaField).toContainText("No properties yet");
  await schemaField.getByRole("button", { name: "Add property" }).click();
  await expect(schemaField.getByLabel("Property 1 name")).toBeFocused();
  await page.keyboard.type("topic");
  await schemaField.getByLabel("Required").check();
  await schemaField.getByLabel("Property 1 description").fill("What to write about");
  await schemaField.getByRole("button", { name: "Add property" }).click();
  await expect(schemaField.getByLabel("Property 2 name")).toBeFocused();
  await page.keyboard.type("count");
  await schemaField.getByLabel("Property 2 type").selectOption("integer");

  // A prototype key is refused with a message, and nothing is saved until it is fixed.
  await schemaField.getByRole("button", { name: "Add property" }).click();
  await expect(schemaField.getByLabel("Property 3 name")).toBeFocused();
  await page.keyboard.type("__proto__");
  await expect(schemaField).toContainText('"__proto__" cannot be a property name');
  await expect(schemaField.getByLabel("Property 3 name")).toHaveAttribute("aria-invalid", "true");
  await shoot(page, schemaField, "schema-visual");
  await schemaField.getByRole("button", { name: "Remove __proto__" }).click();
  await expect(schemaField.getByTestId("schema-property")).toHaveCount(2);

  // Reorder: count moves above topic.
  await schemaField.getByRole("button", { name: "Move count up" }).click();
  await expect(schemaField.getByLabel("Property 1 name")).toHaveValue("count");
  await expect(schemaField.getByRole("button", { name: "Move count down" })).toBeFocused();
  await schemaField.getByRole("button", { name: "Move count down" }).click();

  const expected = {
    type: "object",
    additionalProperties: true,
    properties: {
      topic: { type: "string", description: "What to write about" },
      count: { type: "integer" },
    },
    required: ["topic"],
  };
  expect((await savedConfig(page, flowId, "input"))?.schema).toEqual(expected);

  // Raw JSON shows the same schema; a keyword the visual editor does not edit survives both ways.
  await schemaField.getByRole("tab", { name: "Raw JSON" }).click();
  const raw = schemaField.getByLabel("Schema (JSON)");
  expect(JSON.parse(await raw.inputValue())).toEqual(expected);
  const withFormat = structuredClone(expected) as typeof expected & {
    properties: { topic: Record<string, unknown> };
  };
  withFormat.properties.topic.minLength = 3;
  await raw.fill(JSON.stringify(withFormat, null, 2));
  await raw.blur();
  await shoot(page, schemaField, "schema-raw");
  await schemaField.getByRole("tab", { name: "Visual" }).click();
  await expect(schemaField).toContainText("Also keeps minLength");
  await schemaField.getByLabel("Property 1 description").fill("The subject");
  withFormat.properties.topic.description = "The subject";
  expect((await savedConfig(page, flowId, "input"))?.schema).toEqual(withFormat);
  await expectAccessible(page);

  // The run input follows the schema: the run form offers topic and the server requires it.
  await page.getByRole("tab", { name: "Run" }).click();
  const runPanel = page.getByRole("tabpanel", { name: "Run" });
  await expect
    .poll(async () => {
      const values = await runPanel
        .locator("textarea, input")
        .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
      return `${await runPanel.textContent()} ${values.join(" ")}`;
    })
    .toContain("topic");
  const refused = await page.request.post(`/api/flows/${flowId}/runs`, {
    data: { input: { count: 2 } },
  });
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toContain("topic");
  await page.getByRole("tab", { name: "Node" }).click();

  // HTTP tool headers: key-value rows, Enter moves on, duplicates are flagged inline.
  await page.getByRole("button", { name: "Add HTTP tool" }).click();
  const headers = page.getByTestId("key-value-field");
  await expect(headers).toContainText("None yet");
  await headers.getByRole("button", { name: "Add header" }).click();
  await expect(headers.getByLabel("Key 1")).toBeFocused();
  await page.keyboard.type("Accept");
  await page.keyboard.press("Enter");
  await expect(headers.getByLabel("Value 1")).toBeFocused();
  await page.keyboard.type("application/json");
  await page.keyboard.press("Enter");
  await expect(headers.getByLabel("Key 2")).toBeFocused();
  await page.keyboard.type("X-Trace");
  await page.keyboard.press("Enter");
  await page.keyboard.type("{{ input.topic }}");
  await page.keyboard.press("Enter");
  await expect(headers.getByLabel("Key 3")).toBeFocused();
  await page.keyboard.type("Accept");
  await expect(headers.getByLabel("Key 3")).toHaveAttribute("aria-invalid", "true");
  await expect(headers).toContainText('"Accept" is already used above.');
  await shoot(page, headers, "headers");
  await headers.getByRole("button", { name: "Remove Accept" }).nth(1).click();
  await expect(headers.getByTestId("key-value-row")).toHaveCount(2);
  await expect(headers).not.toContainText("already used");
  expect((await savedConfig(page, flowId, "http-tool"))?.headers).toEqual({
    Accept: "application/json",
    "X-Trace": "{{ input.topic }}",
  });

  // LLM prompt: the template completes the input's fields; then a managed prompt is picked.
  await page.getByRole("button", { name: "Add LLM" }).click();
  const promptField = page.getByTestId("prompt-field");
  const editor = promptField.getByTestId("template-field-template").locator(".cm-content");
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Write about {{");
  const completion = page.locator(".cm-tooltip-autocomplete");
  await expect(completion).toBeVisible();
  await expect(completion.getByText("topic", { exact: true })).toBeVisible();
  await shoot(page, promptField, "template-completion");

  await promptField.getByLabel("Source").selectOption("label");
  const picker = promptField.getByTestId("prompt-picker");
  await expect(picker.getByLabel("Prompt", { exact: true })).toBeVisible();
  await picker.getByLabel("Prompt", { exact: true }).selectOption({ label: "support-reply" });
  await expect(picker.getByLabel("Label")).toHaveValue("production");
  await expect(picker.getByLabel("Label").locator("option:checked")).toHaveText("production → v1");
  await shoot(page, promptField, "prompt-picker");
  expect((await savedConfig(page, flowId, "llm"))?.prompt).toEqual({
    kind: "managed",
    name: "support-reply",
    label: "production",
  });
  await promptField.getByLabel("Source").selectOption("version");
  await expect(picker.getByLabel("Version").locator("option:checked")).toHaveText(
    "v1 (latest, production)",
  );
  expect((await savedConfig(page, flowId, "llm"))?.prompt).toEqual({
    kind: "managed",
    name: "support-reply",
    version: 1,
  });
  // Switching back to the inline template restores what was written there.
  await promptField.getByLabel("Source").selectOption("inline");
  await expect(promptField.getByTestId("template-field-template")).toContainText("Write about");
  await expectAccessible(page);

  // A workspace without prompts: the picker says so and takes a name typed by hand.
  const workspace = await page.request.post("/api/workspaces", {
    data: { name: `Widgets empty ${Date.now()}` },
  });
  expect(workspace.status(), await workspace.text()).toBe(201);
  const emptyFlowId = await createFlow(page, "No prompts yet");
  await page.goto(`/flows/${emptyFlowId}`);
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
  await page.getByRole("button", { name: "Add LLM" }).click();
  const emptyField = page.getByTestId("prompt-field");
  await emptyField.getByLabel("Source").selectOption("label");
  await expect(emptyField.getByTestId("prompt-picker-empty")).toContainText(
    "no managed prompts yet",
  );
  await emptyField.getByLabel("Prompt name").fill("future-prompt");
  await expect(emptyField).toContainText("No prompt named “future-prompt” here yet");
  await emptyField.getByLabel("Label").fill("staging");
  await shoot(page, emptyField, "prompt-empty");
  await expectAccessible(page);
  expect((await savedConfig(page, emptyFlowId, "llm"))?.prompt).toEqual({
    kind: "managed",
    name: "future-prompt",
    label: "staging",
  });

  expect(pageErrors).toEqual([]);
});
