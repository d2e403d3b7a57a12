import { initialRunInput } from "@/components/flows/example-inputs";
import type { InputConfig } from "@/lib/nodes/input.node";

/** The message snippets of a chat endpoint send. */
export const EXAMPLE_MESSAGES = [{ role: "user", content: "Hello! What can you do?" }];

const MAX_DEPTH = 4;

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function firstType(type: unknown): unknown {
  return Array.isArray(type) ? (type.find((t) => t !== "null") ?? type[0]) : type;
}

/** A plausible value for a JSON schema: its default, example, const or first enum value, else one by type. */
export function exampleFromSchema(schema: unknown, name = "value", depth = 0): unknown {
  if (!isSchema(schema)) return `example ${name}`;
  if ("default" in schema) return schema.default;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const type = firstType(schema.type) ?? (isSchema(schema.properties) ? "object" : undefined);
  switch (type) {
    case "string":
      return `example ${name}`;
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : 1;
    case "boolean":
      return true;
    case "null":
      return null;
    case "array":
      return depth < MAX_DEPTH && isSchema(schema.items)
        ? [exampleFromSchema(schema.items, name, depth + 1)]
        : [];
    case "object": {
      if (depth >= MAX_DEPTH || !isSchema(schema.properties)) return {};
      return Object.fromEntries(
        Object.entries(schema.properties).map(([key, child]) => [
          key,
          exampleFromSchema(child, key, depth + 1),
        ]),
      );
    }
    default:
      return `example ${name}`;
  }
}

/**
 * The input snippets send: the seeded example's input for an example flow, chat messages for a
 * chat Input, else a value built from the Input schema.
 */
export function exampleInput(config: InputConfig | null, flowName: string): unknown {
  const seeded = initialRunInput(flowName);
  if (seeded !== "{}") return JSON.parse(seeded) as unknown;
  if (!config) return {};
  const fromSchema = exampleFromSchema(config.schema);
  if (config.mode !== "chat") return fromSchema;
  return { ...(isSchema(fromSchema) ? fromSchema : {}), messages: EXAMPLE_MESSAGES };
}
