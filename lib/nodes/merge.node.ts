import { z } from "zod";
import { defineNode } from "@/lib/engine/define-node";
import { NodeError } from "@/lib/engine/errors";
import { FORBIDDEN_KEYS } from "./shared/path";

/** Merge settings. */
export const mergeConfigSchema = z.strictObject({
  mode: z.enum(["array", "object", "first"]).default("array").meta({
    title: "Mode",
    description:
      "array: every value that arrived, in edge order; object: the arrived objects merged (later wins); first: the first value that arrived",
  }),
});

function mergeObjects(values: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const value of values) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw new NodeError("Merge in object mode needs object inputs", "merge_error", {
        retryable: false,
      });
    }
    for (const [key, field] of Object.entries(value)) {
      if (!FORBIDDEN_KEYS.has(key)) out[key] = field;
    }
  }
  return out;
}

/** Joins branches: runs on whatever arrived, skipped branches left out. */
export const mergeNode = defineNode({
  type: "merge",
  version: 1,
  ui: {
    label: "Merge",
    category: "logic",
    icon: "merge",
    description: "Joins branches into a list, one object, or the first value that arrived",
  },
  config: mergeConfigSchema,
  ports: {
    inputs: [{ name: "in", type: "any", label: "Values", multiple: true }],
    outputs: [{ name: "out", type: "any", label: "Merged" }],
  },
  capabilities: { acceptsSkipped: true, pure: true },
  async execute({ config, inputs }) {
    const values = Array.isArray(inputs.in) ? inputs.in : [];
    if (config.mode === "array") return { outputs: { out: values } };
    if (config.mode === "first") return { outputs: { out: values[0] ?? null } };
    return { outputs: { out: mergeObjects(values) } };
  },
});
