import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { validateFlow } from "@/lib/engine/validate";
import { inputConfigSchema, inputJsonSchema, validateRunInput } from "./input.node";
import { configIssueCodes, coreRegistry, flow, runCore } from "./testing/core-flows";

const customerSchema = {
  type: "object",
  required: ["email", "age"],
  properties: { email: { type: "string", format: "email" }, age: { type: "integer", minimum: 0 } },
};

const jsonFlow = (config: Record<string, unknown>, policy = {}) =>
  flow(
    [
      { id: "in", type: "input", config, policy },
      { id: "out", type: "output" },
    ],
    ["in.out->out.in"],
  );

const chatFlow = (port: string) =>
  flow(
    [
      { id: "in", type: "input", config: { mode: "chat" } },
      { id: "out", type: "output" },
    ],
    [`in.${port}->out.in`],
  );

const chat = {
  messages: [
    { role: "system", content: "Be brief." },
    { role: "user", content: "Hello" },
    { role: "assistant", content: "Hi!" },
    { role: "user", content: "What is CEL?" },
  ],
};

describe("input node", () => {
  it("hands on an input that matches its schema", async () => {
    const input = { email: "ana@example.com", age: 31, extra: [1, 2] };
    const { result } = await runCore(jsonFlow({ schema: customerSchema }), input);
    expect(result).toMatchObject({ status: "succeeded", output: input });
  });

  it("accepts any object with the default schema and refuses a non-object", async () => {
    expect((await runCore(jsonFlow({}), { a: 1 })).result.output).toEqual({ a: 1 });
    const { result } = await runCore(jsonFlow({}), "just text");
    expect(result.error).toMatchObject({ code: "invalid_input", nodeId: "in" });
  });

  it("refuses an input that does not match, with the failing paths, and never retries", async () => {
    const { result, events } = await runCore(jsonFlow({ schema: customerSchema }, { retries: 3 }), {
      email: "not-an-email",
      age: -1,
    });
    expect(result.status).toBe("failed");
    expect(result.error).toMatchObject({ code: "invalid_input", nodeId: "in" });
    const errors = (result.error?.details as { errors: { path: string; message: string }[] })
      .errors;
    expect(errors.map((e) => e.path).sort()).toEqual(["/age", "/email"]);
    expect(errors.find((e) => e.path === "/email")?.message).toMatch(/format "email"/);
    expect(events.filter((e) => e.type === "node.started")).toHaveLength(1);
  });

  it("reports a missing required field at the root", () => {
    const config = inputConfigSchema.parse({ schema: customerSchema });
    expect(validateRunInput(config, { email: "a@b.co" })).toEqual([
      { path: "", message: "must have required property 'age'" },
    ]);
  });

  it("exposes the messages and the last user message in chat mode", async () => {
    expect((await runCore(chatFlow("text"), chat)).result.output).toBe("What is CEL?");
    expect((await runCore(chatFlow("messages"), chat)).result.output).toEqual(chat.messages);
    expect((await runCore(chatFlow("out"), chat)).result.output).toEqual(chat);
  });

  it("gives an empty text when a chat has no user message", async () => {
    const { result } = await runCore(chatFlow("text"), {
      messages: [{ role: "system", content: "x" }],
    });
    expect(result).toMatchObject({ status: "succeeded", output: "" });
  });

  it("refuses a malformed chat input", async () => {
    for (const bad of [
      {},
      { messages: [] },
      { messages: [{ role: "user" }] },
      { messages: [{ role: "boss", content: "x" }] },
    ]) {
      const { result } = await runCore(chatFlow("text"), bad);
      expect(result.error?.code).toBe("invalid_input");
    }
  });

  it("describes its request schema for the API, chat included", () => {
    const json = inputConfigSchema.parse({ schema: customerSchema });
    expect(inputJsonSchema(json)).toEqual(customerSchema);
    const chatConfig = inputConfigSchema.parse({ mode: "chat" });
    const validate = new Ajv2020({ strict: false }).compile(inputJsonSchema(chatConfig));
    expect(validate(chat)).toBe(true);
    expect(validate({ messages: [{ role: "user" }] })).toBe(false);
    expect(validateRunInput(chatConfig, chat)).toEqual([]);
  });

  it("has chat ports only in chat mode", () => {
    const outputs = (mode: string) => {
      const issues = validateFlow(
        flow(
          [
            { id: "in", type: "input", config: { mode } },
            { id: "out", type: "output" },
          ],
          ["in.text->out.in"],
        ),
        coreRegistry,
      );
      return issues.map((i) => i.code);
    };
    expect(outputs("chat")).toEqual([]);
    expect(outputs("json")).toEqual(["unknown_port"]);
  });

  it("refuses bad configuration in validateFlow", () => {
    expect(configIssueCodes("input", { mode: "xml" })).toEqual(["invalid_config"]);
    expect(configIssueCodes("input", { schema: {}, extra: true })).toEqual(["invalid_config"]);
    expect(configIssueCodes("input", { schema: "object" })).toEqual(["invalid_config"]);
    expect(configIssueCodes("input", { schema: { type: 12 } })).toEqual(["invalid_config"]);
    const huge = { type: "object", description: "x".repeat(100_001) };
    expect(configIssueCodes("input", { schema: huge })).toEqual(["invalid_config"]);
    expect(configIssueCodes("input", { mode: "chat", schema: customerSchema })).toEqual([]);
  });
});
