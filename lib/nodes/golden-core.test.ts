/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import type { FlowGraph } from "@/lib/engine/graph";
import { validateFlow } from "@/lib/engine/validate";
import { coreNodes, coreRegistry, runCore } from "./testing/core-flows";
import { fakeLlm, fakePorts } from "./testing/model-fakes";

/** A golden flow: a graph, its input, the expected run status and output, and scripted model answers. */
interface GoldenFixture {
  description: string;
  /** Texts the fake model answers with, in call order (LLM judge). */
  llm?: string[];
  graph: FlowGraph;
  input: unknown;
  expected: { status: string; output: unknown; error?: string };
}

const all = import.meta.glob<GoldenFixture>("./fixtures/*.golden.json", {
  eager: true,
  import: "default",
});
const coreTypes = new Set(coreNodes.map((n) => n.type));
// Other fixtures in the folder exercise other node sets; these use only the core palette.
const fixtures = Object.entries(all).filter(([, f]) =>
  f.graph.nodes.every((n) => coreTypes.has(n.type)),
);

describe("golden flows of the core nodes", () => {
  it("cover every core node type", () => {
    const used = new Set(fixtures.flatMap(([, f]) => f.graph.nodes.map((n) => n.type)));
    expect([...coreTypes].filter((t) => !used.has(t))).toEqual([]);
  });

  it.each(fixtures)("%s", async (_file, fixture) => {
    expect(validateFlow(fixture.graph, coreRegistry).filter((i) => i.severity === "error")).toEqual(
      [],
    );
    const llm = fakeLlm(fixture.llm ?? []);
    const { result } = await runCore(fixture.graph, fixture.input, fakePorts({ llm: llm.port }));
    expect(result.status).toBe(fixture.expected.status);
    expect(result.output ?? null).toEqual(fixture.expected.output);
    if (fixture.expected.error) expect(result.error?.code).toBe(fixture.expected.error);
    expect(llm.remaining()).toBe(0);
  });
});
