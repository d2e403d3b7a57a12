import { describe, expect, it } from "vitest";
import { EXAMPLE_MESSAGES, exampleFromSchema, exampleInput } from "./example-input";

describe("exampleFromSchema", () => {
  it("prefers default, examples, const and enum over a value by type", () => {
    expect(exampleFromSchema({ type: "string", default: "hi" })).toBe("hi");
    expect(exampleFromSchema({ type: "string", examples: ["ex"] })).toBe("ex");
    expect(exampleFromSchema({ const: 3 })).toBe(3);
    expect(exampleFromSchema({ type: "string", enum: ["low", "high"] })).toBe("low");
  });

  it("builds objects and arrays from their properties and items", () => {
    const schema = {
      type: "object",
      properties: {
        subject: { type: "string" },
        priority: { type: ["integer", "null"], minimum: 2 },
        urgent: { type: "boolean" },
        tags: { type: "array", items: { type: "string" } },
        meta: { properties: { source: { type: "string" } } },
      },
    };
    expect(exampleFromSchema(schema)).toEqual({
      subject: "example subject",
      priority: 2,
      urgent: true,
      tags: ["example tags"],
      meta: { source: "example source" },
    });
  });

  it("stops at a bounded depth on recursive-looking schemas", () => {
    let schema: Record<string, unknown> = { type: "string" };
    for (let i = 0; i < 10; i++) schema = { type: "object", properties: { child: schema } };
    expect(JSON.stringify(exampleFromSchema(schema))).toBe(
      '{"child":{"child":{"child":{"child":{}}}}}',
    );
  });
});

describe("exampleInput", () => {
  it("uses the seeded example input for an example flow", () => {
    expect(exampleInput(null, "Cascade routing (example)")).toEqual({
      question: "How do I export my invoices as CSV?",
    });
  });

  it("sends messages to a chat Input and schema values to a JSON Input", () => {
    const schema = { type: "object", properties: { locale: { type: "string", default: "en" } } };
    expect(exampleInput({ mode: "chat", schema }, "Bot")).toEqual({
      locale: "en",
      messages: EXAMPLE_MESSAGES,
    });
    expect(exampleInput({ mode: "json", schema }, "Bot")).toEqual({ locale: "en" });
    expect(exampleInput(null, "Bot")).toEqual({});
  });
});
