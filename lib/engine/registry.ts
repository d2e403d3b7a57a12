import type { AnyNodeDefinition, NodeDefinition } from "./define-node";

/** Node definitions by type and version. */
export interface NodeRegistry {
  get(type: string, version: number): NodeDefinition | undefined;
  /** Every definition, newest version of each type last. */
  all(): NodeDefinition[];
}

/** Builds a registry from one list; a duplicate type+version is a programming error. */
export function createRegistry(definitions: readonly AnyNodeDefinition[]): NodeRegistry {
  const byKey = new Map<string, NodeDefinition>();
  for (const definition of definitions) {
    const key = `${definition.type}@${definition.version}`;
    if (byKey.has(key)) throw new Error(`Duplicate node type ${key} in the registry`);
    byKey.set(key, definition);
  }
  const sorted = [...byKey.values()].sort(
    (a, b) => a.type.localeCompare(b.type) || a.version - b.version,
  );
  return {
    get: (type, version) => byKey.get(`${type}@${version}`),
    all: () => sorted,
  };
}
