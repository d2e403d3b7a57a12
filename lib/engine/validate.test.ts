import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineNode } from "./define-node";
import type { FlowGraph } from "./graph";
import { portsCompatible } from "./ports";
import { createRegistry } from "./registry";
import { validateFlow } from "./validate";

const ui = { label: "t", category: "logic", icon: "x", description: "test node" } as const;
const execute = async () => ({ outputs: {} });
const registry = createRegistry([
  defineNode({
    type: "in",
    version: 1,
    ui,
    config: z.strictObject({}),
    capabilities: { entry: true },
    ports: { inputs: [], outputs: [{ name: "out", type: "json" }] },
    execute,
  }),
  defineNode({
    type: "out",
    version: 1,
    ui,
    config: z.strictObject({}),
    capabilities: { exit: true },
    ports: { inputs: [{ name: "in", type: "any" }], outputs: [] },
    execute,
  }),
  defineNode({
    type: "num",
    version: 1,
    ui,
    config: z.strictObject({ n: z.number() }),
    ports: { inputs: [{ name: "in", type: "number" }], outputs: [{ name: "out", type: "number" }] },
    execute,
  }),
  defineNode({
    type: "labels",
    version: 1,
    ui,
    config: z.strictObject({ labels: z.array(z.string()) }),
    ports: (config) => ({
      inputs: [{ name: "in", type: "any" }],
      outputs: config.labels.map((name) => ({ name, type: "json" as const })),
    }),
    execute,
  }),
]);

type N = [string, string, Record<string, unknown>?, Record<string, unknown>?];
const graph = (nodes: N[], edges: [string, string, string, string][]): FlowGraph => ({
  nodes: nodes.map(([id, type, config = {}, policy = {}]) => ({
    id,
    type,
    typeVersion: 1,
    label: id,
    config,
    policy,
    position: { x: 0, y: 0 },
  })),
  edges: edges.map(([source, sourcePort, target, targetPort], i) => ({
    id: `e${i}`,
    source,
    sourcePort,
    target,
    targetPort,
  })),
});
const codes = (g: unknown) =>
  validateFlow(g, registry).map((i) => `${i.code}:${i.nodeId ?? i.edgeId ?? ""}`);
const valid = graph(
  [
    ["i", "in"],
    ["l", "labels", { labels: ["a", "b"] }],
    ["o", "out"],
  ],
  [
    ["i", "out", "l", "in"],
    ["l", "a", "o", "in"],
  ],
);

describe("validateFlow", () => {
  it("accepts a well-formed flow, with ports that depend on config", () => {
    expect(codes(valid)).toEqual([]);
  });

  it("reports unknown types and versions, and config that fails its schema", () => {
    const g = graph(
      [
        ["i", "in"],
        ["x", "nope"],
        ["n", "num", { n: "1", extra: true }],
        ["o", "out"],
      ],
      [["i", "out", "o", "in"]],
    );
    g.nodes[0]!.typeVersion = 9;
    expect(codes(g)).toEqual(
      expect.arrayContaining(["unknown_node_type:x", "unknown_node_type:i", "invalid_config:n"]),
    );
  });

  it("reports unconnected required inputs, incompatible ports, unknown ports and dangling edges", () => {
    const g = graph(
      [
        ["i", "in"],
        ["n", "num", { n: 1 }],
        ["o", "out"],
      ],
      [
        ["i", "out", "n", "in"],
        ["i", "nope", "o", "in"],
        ["i", "out", "ghost", "in"],
      ],
    );
    expect(codes(g)).toEqual(
      expect.arrayContaining(["incompatible_ports:e0", "unknown_port:e1", "dangling_edge:e2"]),
    );
    expect(portsCompatible("json", "number")).toBe(false);
    expect(portsCompatible("number", "text")).toBe(true);
    const lonely = graph(
      [
        ["i", "in"],
        ["o", "out"],
      ],
      [],
    );
    expect(codes(lonely)).toEqual(expect.arrayContaining(["unconnected_input:o", "unreachable:o"]));
  });

  it("finds cycles and missing Input or Output nodes", () => {
    const g = graph(
      [
        ["a", "labels", { labels: ["x"] }],
        ["b", "labels", { labels: ["x"] }],
      ],
      [
        ["a", "x", "b", "in"],
        ["b", "x", "a", "in"],
      ],
    );
    expect(codes(g)).toEqual(
      expect.arrayContaining(["cycle:a", "cycle:b", "missing_input:", "missing_output:"]),
    );
  });

  it("adds the error port only when the policy routes errors", () => {
    const edges: [string, string, string, string][] = [
      ["i", "out", "l", "in"],
      ["l", "error", "o", "in"],
    ];
    expect(
      codes(
        graph(
          [
            ["i", "in"],
            ["l", "labels", { labels: ["a"] }],
            ["o", "out"],
          ],
          edges,
        ),
      ),
    ).toContain("unknown_port:e1");
    expect(
      codes(
        graph(
          [
            ["i", "in"],
            ["l", "labels", { labels: ["a"] }, { onError: "route" }],
            ["o", "out"],
          ],
          edges,
        ),
      ),
    ).toEqual([]);
  });

  it("warns (without blocking) about a pin naming an output the node does not have", () => {
    const pinned = structuredClone(valid);
    pinned.nodes[1]!.pin = { outputs: { a: 1, b: 2 } };
    expect(codes(pinned)).toEqual([]);
    pinned.nodes[1]!.pin = { outputs: { a: 1, c: 3 } };
    const issues = validateFlow(pinned, registry);
    expect(issues).toEqual([
      {
        nodeId: "l",
        severity: "warning",
        code: "unknown_pin_port",
        message: 'Pinned output "c" is not an output of this node',
      },
    ]);
    expect(codes({ ...pinned, nodes: [{ ...pinned.nodes[1], pin: { value: 1 } }] })[0]).toMatch(
      /^invalid_graph/,
    );
  });

  it("parses untrusted JSON first and bounds graph size", () => {
    expect(codes({ nodes: "x" })[0]).toMatch(/^invalid_graph/);
    expect(
      codes({ nodes: [{ id: "__proto__ x", type: "in", typeVersion: 1 }], edges: [] })[0],
    ).toMatch(/^invalid_graph/);
    const huge = {
      nodes: Array.from({ length: 5_001 }, (_, i) => ({ id: `n${i}`, type: "in", typeVersion: 1 })),
      edges: [],
    };
    expect(codes(huge)[0]).toMatch(/^invalid_graph/);
  });

  it("validates a 5,000-node chain quickly enough for the editor", () => {
    const nodes: N[] = [
      ["i", "in"],
      ...Array.from({ length: 4_998 }, (_, k): N => [`l${k}`, "labels", { labels: ["a"] }]),
      ["o", "out"],
    ];
    const ids = nodes.map(([id]) => id);
    const edges = ids
      .slice(1)
      .map((id, k): [string, string, string, string] => [ids[k]!, k === 0 ? "out" : "a", id, "in"]);
    expect(codes(graph(nodes, edges))).toEqual([]);
  });
});
