import { modelRefSchema } from "@/lib/engine/graph";
import type { PublishChangeDto } from "@/lib/schemas/endpoints";

interface GraphNodeLike {
  id: string;
  label?: string;
  config?: unknown;
}

type Governed = { model: string[]; prompt: string[] };

function managedPrompt(value: Record<string, unknown>): string | null {
  if (value.kind !== "managed" || typeof value.name !== "string") return null;
  if (typeof value.version === "number") return `${value.name} v${value.version}`;
  return typeof value.label === "string" ? `${value.name} (${value.label})` : null;
}

/** The models and managed prompts a node config names, in document order. */
function governedValues(config: unknown, found: Governed = { model: [], prompt: [] }): Governed {
  if (Array.isArray(config)) {
    for (const item of config) governedValues(item, found);
  } else if (config && typeof config === "object") {
    const record = config as Record<string, unknown>;
    const model = modelRefSchema.safeParse(record);
    const prompt = managedPrompt(record);
    if (model.success) found.model.push(`${model.data.connection}/${model.data.model}`);
    else if (prompt) found.prompt.push(prompt);
    else for (const value of Object.values(record)) governedValues(value, found);
  }
  return found;
}

function nodesOf(graph: unknown): Map<string, GraphNodeLike> {
  const nodes = (graph as { nodes?: GraphNodeLike[] } | null)?.nodes ?? [];
  return new Map(nodes.map((node) => [node.id, node]));
}

const joined = (values: string[]) => (values.length > 0 ? values.join(", ") : null);

/**
 * What moving an endpoint from one flow graph to another changes that needs approval: per node,
 * the models it calls (fallbacks and judges included) and the managed prompts it uses (pinned
 * version or label). Nodes added or removed count when they name a model or a managed prompt.
 */
export function governedChanges(from: unknown, to: unknown): PublishChangeDto[] {
  const before = nodesOf(from);
  const after = nodesOf(to);
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  const changes: PublishChangeDto[] = [];
  for (const nodeId of ids) {
    const a = governedValues(before.get(nodeId)?.config);
    const b = governedValues(after.get(nodeId)?.config);
    const nodeLabel = after.get(nodeId)?.label ?? before.get(nodeId)?.label ?? nodeId;
    for (const field of ["model", "prompt"] as const) {
      const fromValue = joined(a[field]);
      const toValue = joined(b[field]);
      if (fromValue !== toValue)
        changes.push({ nodeId, nodeLabel, field, from: fromValue, to: toValue });
    }
  }
  return changes;
}
