import { z } from "zod";

/** Limits that keep a single flow within what the editor and engine handle well. */
export const GRAPH_LIMITS = { nodes: 5_000, edges: 20_000, idLength: 64 } as const;

const id = z
  .string()
  .min(1)
  .max(GRAPH_LIMITS.idLength)
  .regex(/^[A-Za-z0-9_.-]+$/, { message: "Use letters, digits, _, . and -" });

/** A model by connection name + model id, so exported flows stay portable. */
export const modelRefSchema = z.strictObject({
  connection: z.string().min(1).max(64),
  model: z.string().min(1).max(200),
});
/** A model reference. */
export type ModelRef = z.infer<typeof modelRefSchema>;

/**
 * How a node behaves on time-outs and errors; the engine clamps every value. Model fallback
 * chains are model-specific, so they live in the LLM node's config (`fallbackModels`), not here.
 */
export const nodePolicySchema = z.strictObject({
  timeoutMs: z.int().min(1).max(600_000).optional(),
  retries: z.int().min(0).max(10).optional(),
  backoffMs: z.int().min(0).max(60_000).optional(),
  onError: z.enum(["fail", "continue", "route"]).optional(),
  /** With onError "continue": the value every output port emits instead. */
  defaultOutput: z.unknown().optional(),
});
/** A node's policy. */
export type NodePolicy = z.infer<typeof nodePolicySchema>;

/**
 * Output values (by output port name) a draft run uses instead of executing the node; saving a
 * version strips pins, so versions and published endpoints never carry them.
 */
export const nodePinSchema = z.strictObject({ outputs: z.record(z.string(), z.unknown()) });
/** A node's pinned outputs. */
export type NodePin = z.infer<typeof nodePinSchema>;

/** One node instance in a flow. */
export const flowNodeSchema = z.strictObject({
  id,
  type: z.string().min(1).max(64),
  typeVersion: z.int().min(1).max(1000),
  label: z.string().max(200).default(""),
  config: z.record(z.string(), z.unknown()).default({}),
  policy: nodePolicySchema.default({}),
  position: z
    .strictObject({ x: z.number().finite(), y: z.number().finite() })
    .default({ x: 0, y: 0 }),
  pin: nodePinSchema.optional(),
});
/** A node instance. */
export type FlowNode = z.infer<typeof flowNodeSchema>;

/** A connection between an output port and an input port (React Flow's source/targetHandle). */
export const flowEdgeSchema = z.strictObject({
  id,
  source: id,
  sourcePort: z.string().min(1).max(64),
  target: id,
  targetPort: z.string().min(1).max(64),
});
/** An edge. */
export type FlowEdge = z.infer<typeof flowEdgeSchema>;

/** A flow graph: the JSON stored in drafts, versions and run snapshots. */
export const flowGraphSchema = z.strictObject({
  nodes: z.array(flowNodeSchema).max(GRAPH_LIMITS.nodes),
  edges: z.array(flowEdgeSchema).max(GRAPH_LIMITS.edges),
});
/** A flow graph. */
export type FlowGraph = z.infer<typeof flowGraphSchema>;
