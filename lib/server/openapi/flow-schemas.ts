import type { z } from "zod";
import { compileFlow, type CompiledNode, type FlowGraph, type PortType } from "@/lib/engine";
import { nodeRegistry } from "@/lib/nodes";
import { inputJsonSchema, type InputConfig } from "@/lib/nodes/input.node";
import type { outputConfigSchema } from "@/lib/nodes/output.node";

type OutputConfig = z.output<typeof outputConfigSchema>;

/** A JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1). */
export type JsonSchema = Record<string, unknown>;

const MESSAGES_SCHEMA: JsonSchema = {
  type: "array",
  items: {
    type: "object",
    required: ["role", "content"],
    properties: { role: { type: "string" }, content: { type: "string" } },
  },
};

const PORT_SCHEMAS: Record<PortType, JsonSchema> = {
  text: { type: "string" },
  number: { type: "number" },
  boolean: { type: "boolean" },
  messages: MESSAGES_SCHEMA,
  json: {},
  any: {},
};

/** The settings of the graph's Input node, or null when it has none (or an invalid one). */
export function entryConfig(graph: FlowGraph): InputConfig | null {
  const nodes = compileFlow(graph, nodeRegistry).nodes.values();
  const entry = [...nodes].find((n) => n.definition.capabilities?.entry);
  return entry ? (entry.config as InputConfig) : null;
}

/** The JSON schema a run input of the graph must match (its Input node's; any value without one). */
export function flowInputSchema(graph: FlowGraph): JsonSchema {
  const config = entryConfig(graph);
  return config ? inputJsonSchema(config) : {};
}

/** The sub-schema at a dot path through `properties` and `items`; {} when the schema does not say. */
function schemaAtPath(schema: JsonSchema, path: string): JsonSchema {
  let current: unknown = schema;
  for (const segment of path.split(".")) {
    if (typeof current !== "object" || current === null) return {};
    const node = current as JsonSchema;
    const properties = node.properties as Record<string, unknown> | undefined;
    if (properties && Object.hasOwn(properties, segment)) current = properties[segment];
    else if (/^\d+$/.test(segment) && typeof node.items === "object") current = node.items;
    else return {};
  }
  return typeof current === "object" && current !== null ? (current as JsonSchema) : {};
}

/** What reaches an Output node: the schema of the port feeding it (an LLM's structured output if set). */
function valueSchema(exit: CompiledNode, nodes: Map<string, CompiledNode>): JsonSchema {
  const edge = exit.incoming.get("in")?.[0];
  const source = edge ? nodes.get(edge.source) : undefined;
  const port = source?.ports.outputs.find((p) => p.name === edge!.sourcePort);
  if (!source || !port) return {};
  const structured = (source.config as { jsonSchema?: unknown } | null)?.jsonSchema;
  if (port.type === "json" && typeof structured === "object" && structured !== null)
    return structured as JsonSchema;
  return PORT_SCHEMAS[port.type];
}

function exitSchema(exit: CompiledNode, nodes: Map<string, CompiledNode>): JsonSchema {
  const value = valueSchema(exit, nodes);
  const { pick } = exit.config as OutputConfig;
  if (pick === undefined) return value;
  const picked = schemaAtPath(value, pick);
  // A `$ref` inside the picked part points into the whole schema: unknown once cut out.
  if (Object.keys(picked).length === 0 || JSON.stringify(picked).includes('"$ref"')) return {};
  return { anyOf: [picked, { type: "null" }] };
}

/**
 * The JSON schema of a run's output where the graph tells it: the value reaching the Output node
 * (text, number, an LLM's structured output ...), narrowed by its pick; several Output nodes give
 * an object by label (only those that ran are present). {} where it is not known.
 */
export function flowOutputSchema(graph: FlowGraph): JsonSchema {
  const nodes = compileFlow(graph, nodeRegistry).nodes;
  const exits = [...nodes.values()].filter((n) => n.definition.capabilities?.exit);
  if (exits.length === 0) return {};
  if (exits.length === 1) return exitSchema(exits[0]!, nodes);
  return {
    type: "object",
    properties: Object.fromEntries(
      exits.map((exit) => [exit.node.label || exit.node.id, exitSchema(exit, nodes)]),
    ),
  };
}
