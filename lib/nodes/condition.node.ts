import { Environment, type ASTNode, type ParseResult } from "@marcbachmann/cel-js";
import { z } from "zod";
import { defineNode } from "@/lib/engine/define-node";
import { NodeError } from "@/lib/engine/errors";
import { FORBIDDEN_KEYS } from "./shared/path";

/** Longest condition expression accepted. */
export const CONDITION_MAX_CHARS = 2_000;

/** Condition settings. */
export const conditionConfigSchema = z.strictObject({
  expression: z.string().min(1).max(CONDITION_MAX_CHARS).meta({
    title: "Expression",
    description:
      'CEL expression over `input` returning true or false, e.g. input.score > 0.8 && "vip" in input.tags',
  }),
});
/** Parsed Condition settings. */
export type ConditionConfig = z.infer<typeof conditionConfigSchema>;

const env = new Environment({
  homogeneousAggregateLiterals: false,
  limits: { maxAstNodes: 2_000, maxDepth: 50 },
}).registerVariable("input", "dyn");

const conditionError = (message: string) =>
  new NodeError(message, "condition_error", { retryable: false });

function firstLine(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
  return text.length > 300 ? `${text.slice(0, 300)}...` : text;
}

const isNode = (value: unknown): value is ASTNode =>
  value !== null && typeof value === "object" && !Array.isArray(value) && "op" in value;

const literal = (node: unknown): unknown =>
  isNode(node) && node.op === "value" ? node.args : undefined;

/** The name an AST node reaches for by identifier, field, method or literal key, if any. */
function reachedName(node: ASTNode): unknown {
  switch (node.op) {
    case "id":
      return node.args;
    case ".":
    case ".?":
      return node.args[1];
    case "call":
    case "rcall":
      return node.args[0];
    case "[]":
    case "[?]":
      return literal(node.args[1]);
    case "in":
      return literal(node.args[0]);
    default:
      return undefined;
  }
}

/** The first forbidden name (constructor, __proto__, prototype) the expression reaches for. */
function forbiddenName(root: ASTNode): string | undefined {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const current = pending.pop();
    if (Array.isArray(current)) pending.push(...current);
    if (!isNode(current)) continue;
    const name = reachedName(current);
    if (typeof name === "string" && FORBIDDEN_KEYS.has(name)) return name;
    pending.push(current.args);
  }
  return undefined;
}

const parsed = new WeakMap<ConditionConfig, ParseResult | NodeError>();

function compile(config: ConditionConfig): ParseResult {
  let result = parsed.get(config);
  if (!result) {
    try {
      const program = env.parse(config.expression);
      const name = forbiddenName(program.ast);
      result = name ? conditionError(`The expression may not use "${name}"`) : program;
    } catch (error) {
      result = conditionError(`The expression does not parse: ${firstLine(error)}`);
    }
    parsed.set(config, result);
  }
  if (result instanceof NodeError) throw result;
  return result;
}

/** Routes its input to `true` or `false` by a CEL expression (parsed, never evaluated as code). */
export const conditionNode = defineNode({
  type: "condition",
  version: 1,
  ui: {
    label: "Condition",
    category: "logic",
    icon: "split",
    description: "Sends the input down the true or false branch by a safe expression",
  },
  config: conditionConfigSchema,
  ports: {
    inputs: [{ name: "in", type: "any", label: "Input" }],
    outputs: [
      { name: "true", type: "any", label: "True" },
      { name: "false", type: "any", label: "False" },
    ],
  },
  capabilities: { branches: true, pure: true },
  async execute({ config, inputs }) {
    const program = compile(config);
    let result: unknown;
    try {
      result = program({ input: inputs.in ?? null });
    } catch (error) {
      throw conditionError(`The expression failed: ${firstLine(error)}`);
    }
    if (typeof result !== "boolean") {
      throw conditionError(`The expression must return true or false, not ${typeof result}`);
    }
    return { outputs: { [result ? "true" : "false"]: inputs.in } };
  },
});
