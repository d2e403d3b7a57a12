import { z } from "zod";
import { defineNode } from "@/lib/engine/define-node";
import { dotPathSchema, FORBIDDEN_KEYS, getPath, scopeOf } from "./shared/path";

const MAX_FIELDS = 500;

const fieldName = z
  .string()
  .min(1)
  .max(200)
  .refine((key) => !FORBIDDEN_KEYS.has(key), { message: "Reserved field name" });

const source = z.union([
  dotPathSchema.meta({ title: "Source path", description: "e.g. input.customer.email" }),
  z.strictObject({ value: z.unknown() }).meta({ title: "Literal value" }),
]);

/** JSON transform settings: each output field comes from a dot path or is a literal. */
export const jsonTransformConfigSchema = z.strictObject({
  mapping: z
    .record(fieldName, source)
    .refine((m) => Object.keys(m).length <= MAX_FIELDS, { message: `At most ${MAX_FIELDS} fields` })
    .meta({
      title: "Mapping",
      description:
        'Output field -> source path ("input.customer.email" or "customer.email") or { "value": literal }',
    }),
});

/** Builds a new object from fields of the input; missing sources become null. */
export const jsonTransformNode = defineNode({
  type: "json-transform",
  version: 1,
  ui: {
    label: "JSON transform",
    category: "data",
    icon: "braces",
    description: "Maps fields of the input onto a new JSON object",
  },
  config: jsonTransformConfigSchema,
  ports: {
    inputs: [{ name: "in", type: "any", label: "Input" }],
    outputs: [{ name: "out", type: "json", label: "Object" }],
  },
  async execute({ config, inputs }) {
    const scope = scopeOf(inputs.in);
    const out: Record<string, unknown> = {};
    for (const [field, from] of Object.entries(config.mapping)) {
      out[field] = typeof from === "string" ? (getPath(scope, from) ?? null) : (from.value ?? null);
    }
    return { outputs: { out } };
  },
});
