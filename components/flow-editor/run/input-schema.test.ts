import { describe, expect, it } from "vitest";
import {
  checkInput,
  defaultFormValues,
  formFields,
  formToInput,
  inputToForm,
  issuesByField,
} from "./input-schema";

const TICKET = {
  type: "object",
  required: ["subject", "priority"],
  properties: {
    subject: { type: "string", maxLength: 300 },
    body: { type: "string" },
    priority: { enum: ["low", "high"] },
    count: { type: "integer", default: 2 },
    urgent: { type: "boolean" },
    tags: { type: "array", items: { type: "string" } },
  },
};

describe("run input form", () => {
  it("makes a field per simple property, required ones first, long text for bodies", () => {
    const fields = formFields(TICKET)!;
    expect(fields.map((f) => [f.name, f.kind, f.required])).toEqual([
      ["subject", "text", true],
      ["priority", "enum", true],
      ["body", "long-text", false],
      ["count", "integer", false],
      ["urgent", "boolean", false],
      ["tags", "lines", false],
    ]);
    expect(fields[1]!.options).toEqual(["low", "high"]);
  });

  it("needs JSON for nested, composed or open schemas", () => {
    expect(formFields({ type: "object", additionalProperties: true })).toBeNull();
    expect(
      formFields({ type: "object", properties: { a: { type: "object", properties: {} } } }),
    ).toBeNull();
    expect(
      formFields({ type: "object", properties: { a: { type: "string" } }, anyOf: [] }),
    ).toBeNull();
    expect(formFields({ type: "array", items: { type: "string" } })).toBeNull();
  });

  it("turns form values into the input and back", () => {
    const fields = formFields(TICKET)!;
    const input = formToInput(fields, {
      subject: "Refund",
      body: "",
      priority: "high",
      count: "3",
      urgent: true,
      tags: "billing\n\n invoice ",
    });
    expect(input).toEqual({
      subject: "Refund",
      priority: "high",
      count: 3,
      urgent: true,
      tags: ["billing", "invoice"],
    });
    expect(inputToForm(fields, input)).toEqual({
      subject: "Refund",
      priority: "high",
      count: "3",
      urgent: true,
      tags: "billing\ninvoice",
    });
    expect(defaultFormValues(fields, TICKET)).toEqual({ count: "2" });
  });

  it("sends a number that does not parse as typed, so the schema check names the field", () => {
    const fields = formFields(TICKET)!;
    expect(formToInput(fields, { count: "two" })).toEqual({ count: "two" });
  });

  it("validates like the server and files issues by field", () => {
    const config = { mode: "json" as const, schema: TICKET };
    const issues = checkInput(config, { subject: 42, count: "two" });
    expect([...issues.keys()].sort()).toEqual(["count", "priority", "subject"]);
    expect(issues.get("priority")).toEqual(["Required."]);
    expect(checkInput(config, { subject: "Hi", priority: "low" }).size).toBe(0);
  });

  it("reads server issues by their JSON pointer", () => {
    const issues = issuesByField([
      { path: "/a~1b/0", message: "must be string" },
      { path: "", message: "must be object" },
    ]);
    expect(issues.get("a/b")).toEqual(["must be string"]);
    expect(issues.get("")).toEqual(["must be object"]);
  });
});
