import { describe, expect, it } from "vitest";
import { inputFields, typeLabel } from "./input-fields";

describe("typeLabel", () => {
  it("reads types, unions, enums and arrays", () => {
    expect(typeLabel({ type: "string" })).toBe("string");
    expect(typeLabel({ type: ["integer", "null"] })).toBe("integer or null");
    expect(typeLabel({ enum: ["low", 2] })).toBe('one of: "low", 2');
    expect(typeLabel({ type: "array", items: { type: "string" } })).toBe("array of string");
    expect(typeLabel({ anyOf: [] })).toBe("any");
    expect(typeLabel(undefined)).toBe("any");
  });
});

describe("inputFields", () => {
  const schema = {
    type: "object",
    required: ["text"],
    properties: {
      style: { type: "string" },
      text: { type: "string", description: "The text" },
    },
  };

  it("lists required fields first with their type and description", () => {
    expect(inputFields({ mode: "json", schema })).toEqual([
      { name: "text", type: "string", required: true, description: "The text" },
      { name: "style", type: "string", required: false, description: "" },
    ]);
  });

  it("puts the messages of a chat input first", () => {
    const fields = inputFields({ mode: "chat", schema: { type: "object" } });
    expect(fields.map((f) => [f.name, f.required])).toEqual([["messages", true]]);
  });
});
