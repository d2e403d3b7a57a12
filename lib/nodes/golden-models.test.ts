/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import type { ChatMessage, HttpRequest, ResolvedPrompt } from "@/lib/engine/context";
import type { EngineEvent } from "@/lib/engine/events";
import type { FlowGraph } from "@/lib/engine/graph";
import { runFlow, type RunResult } from "@/lib/engine/run-flow";
import { rebuildResumeState, type ResumeState, type StoredAttempt } from "@/lib/engine/state";
import { validateFlow } from "@/lib/engine/validate";
import { nodeRegistry } from "./index";
import {
  fakeHttp,
  fakeLlm,
  fakePorts,
  fakePrompts,
  fakeSecrets,
  type ScriptedAnswer,
  type ScriptedHttp,
} from "./testing/model-fakes";

/**
 * A golden flow of the model and tool nodes: scripted model answers and HTTP responses in
 * call order, secrets and managed prompts by name, reviewer decisions by node id (the run
 * must first wait on exactly those nodes, then resume), and what the run must end with.
 */
interface ModelFixture {
  description: string;
  graph: FlowGraph;
  input: unknown;
  llmScript?: ScriptedAnswer[];
  httpScript?: ScriptedHttp[];
  secrets?: Record<string, string>;
  prompts?: Record<string, ResolvedPrompt>;
  decisions?: Record<string, unknown>;
  expected: {
    status: RunResult["status"];
    output: unknown;
    error?: string;
    waiting?: RunResult["waiting"];
    httpRequests?: HttpRequest[];
    /** The messages of each model call, in order; null: not compared. */
    llmMessages?: (ChatMessage[] | null)[];
  };
}

const MODEL_TYPES = new Set(["llm", "classifier", "cascade", "human-review", "http-tool"]);
const all = import.meta.glob<ModelFixture>("./fixtures/*.golden.json", {
  eager: true,
  import: "default",
});
// Fixtures of the core palette alone run in golden-core.test.ts.
const fixtures = Object.entries(all).filter(([, f]) =>
  f.graph.nodes.some((n) => MODEL_TYPES.has(n.type)),
);

/** Stored attempts as persistence would keep them after the first run stopped to wait. */
function storedAttempts(result: RunResult): StoredAttempt[] {
  const settled = Object.entries(result.settled).map(([nodeId, s]) => ({
    nodeId,
    attempt: 1,
    status: s.status,
    outputs: s.status === "succeeded" ? s.outputs : null,
  }));
  return [
    ...settled,
    ...result.waiting.map((w) => ({ nodeId: w.nodeId, attempt: 1, status: "waiting" as const })),
  ];
}

describe("golden flows of the model and tool nodes", () => {
  it("cover every model and tool node type, and the ticket-triage shape", () => {
    const used = new Set(fixtures.flatMap(([, f]) => f.graph.nodes.map((n) => n.type)));
    expect([...MODEL_TYPES].filter((t) => !used.has(t))).toEqual([]);
    expect(fixtures.map(([file]) => file)).toContain("./fixtures/ticket-triage.golden.json");
  });

  it.each(fixtures)("%s", async (_file, fixture) => {
    expect(validateFlow(fixture.graph, nodeRegistry).filter((i) => i.severity === "error")).toEqual(
      [],
    );
    const llm = fakeLlm(fixture.llmScript ?? []);
    const http = fakeHttp(fixture.httpScript ?? []);
    const ports = fakePorts({
      llm: llm.port,
      http: http.port,
      secrets: fakeSecrets(fixture.secrets ?? {}).port,
      prompts: fakePrompts(fixture.prompts ?? {}),
    });
    const events: EngineEvent[] = [];
    const run = (resume?: ResumeState) =>
      runFlow({
        runId: "golden",
        graph: fixture.graph,
        registry: nodeRegistry,
        input: fixture.input,
        ports,
        resume,
        sleep: async () => undefined,
        random: () => 0.5,
        onEvent: (event) => events.push(event),
      });

    let result = await run();
    if (fixture.decisions) {
      expect(result.status).toBe("waiting");
      expect(result.waiting).toEqual(fixture.expected.waiting);
      result = await run(rebuildResumeState(storedAttempts(result), fixture.decisions));
    }

    expect({ status: result.status, output: result.output ?? null }).toEqual({
      status: fixture.expected.status,
      output: fixture.expected.output,
    });
    if (fixture.expected.error) expect(result.error?.code).toBe(fixture.expected.error);
    expect(llm.remaining()).toBe(0);
    expect(http.calls).toHaveLength(fixture.httpScript?.length ?? 0);
    if (fixture.expected.httpRequests)
      expect(http.calls.map((c) => c.request)).toEqual(fixture.expected.httpRequests);
    for (const [index, messages] of (fixture.expected.llmMessages ?? []).entries()) {
      if (messages) expect(llm.calls[index]?.request.messages).toEqual(messages);
    }
    const recorded = JSON.stringify(events);
    for (const secret of Object.values(fixture.secrets ?? {}))
      expect(recorded).not.toContain(secret);
  });
});
