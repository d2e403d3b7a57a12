import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createRegistry } from "@/lib/engine/registry";
import { ALL_NODES, nodeRegistry } from "./index";

const CATEGORIES = ["io", "model", "logic", "guardrail", "human", "tool", "data"];
const PALETTE = [
  "input",
  "output",
  "template",
  "json-transform",
  "merge",
  "condition",
  "validator",
  "llm",
  "classifier",
  "cascade",
  "human-review",
  "http-tool",
];

describe("the node list", () => {
  it("holds the whole first-release palette", () => {
    expect(ALL_NODES.map((d) => d.type).sort()).toEqual([...PALETTE].sort());
  });

  it.each(ALL_NODES.map((d) => [`${d.type}@${d.version}`, d] as const))(
    "%s has ui metadata and a labelled zod config",
    (_, definition) => {
      expect(definition.ui.label.trim()).not.toBe("");
      expect(definition.ui.icon).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(definition.ui.description.trim()).not.toBe("");
      expect(CATEGORIES).toContain(definition.ui.category);
      expect(definition.config).toBeInstanceOf(z.ZodType);
      const schema = z.toJSONSchema(definition.config, { io: "input" }) as {
        type?: string;
        properties?: Record<string, { title?: string }>;
      };
      expect(schema.type).toBe("object");
      for (const [field, property] of Object.entries(schema.properties ?? {})) {
        expect(property.title, `${definition.type}.${field} has a title`).toBeTruthy();
      }
    },
  );

  it("has unique type@version pairs, all in the registry", () => {
    const keys = ALL_NODES.map((d) => `${d.type}@${d.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const d of ALL_NODES) expect(nodeRegistry.get(d.type, d.version)).toBe(d);
    expect(nodeRegistry.all()).toHaveLength(ALL_NODES.length);
  });

  it("is refused by the registry when a definition appears twice", () => {
    const llm = ALL_NODES.find((d) => d.type === "llm")!;
    expect(() => createRegistry([...ALL_NODES, { ...llm }])).toThrow(/Duplicate node type llm@1/);
  });
});
