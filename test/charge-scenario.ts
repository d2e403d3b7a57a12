import { expect } from "vitest";
import { getDb } from "@/lib/db/client";
import { createFlow } from "@/lib/db/flows";
import { addHttpAllowRule } from "@/lib/db/http-allow-rules";
import { completeSetup } from "@/lib/server/setup";
import { startNewRun } from "@/lib/server/runs/run-service";
import { testEdge as edge, testNode as node } from "./graph";
import { startFakeDownstream, waitFor, type FakeDownstream } from "./queue-cluster";

/** Input -> HTTP POST to the fake downstream (the side effect) -> model (`latencyMs`) -> Output. */
export function chargeFlow(downstreamUrl: string, latencyMs: number) {
  return {
    nodes: [
      node("in", "input"),
      node("charge", "http-tool", {
        method: "POST",
        url: `${downstreamUrl}/charge`,
        body: '{"order": "{{ input.order }}"}',
      }),
      node("ask", "llm", {
        prompt: { kind: "inline", template: "Confirm {{ input }}" },
        model: { connection: "simulated", model: "sim-small" },
        parameters: { simulated: { latencyMs, tokenDelayMs: 0 } },
      }),
      node("out", "output"),
    ],
    edges: [edge("in", "charge"), edge("charge", "ask"), edge("ask", "out")],
  };
}

/**
 * Runs of the charge flow in a workspace, and the fault tests' invariants over them: every run
 * settles, each step is recorded once, and the downstream saw the side effect only under the key
 * of the attempt that succeeded (duplicates only where that key lets it deduplicate).
 */
export function chargeScenario(workspaceId: string, downstream: FakeDownstream) {
  const flows = new Map<number, { id: string; graph: ReturnType<typeof chargeFlow> }>();
  const nodeRuns = (runIds: string[]) =>
    getDb().nodeRun.findMany({
      where: { runId: { in: runIds } },
      select: { runId: true, nodeId: true, attempt: true, status: true, idempotencyKey: true },
    });
  return {
    nodeRuns,

    /** Launches `count` runs whose model answers after `latencyMs`; resolves with their ids. */
    async launch(count: number, latencyMs: number): Promise<string[]> {
      if (!flows.has(latencyMs)) {
        const graph = chargeFlow(downstream.url, latencyMs);
        const { id } = await createFlow(workspaceId, { name: `charge ${latencyMs}`, graph });
        flows.set(latencyMs, { id, graph });
      }
      const flow = flows.get(latencyMs)!;
      const ctx = { workspace: { id: workspaceId }, user: null };
      return Promise.all(
        Array.from({ length: count }, (_, i) =>
          startNewRun(ctx, {
            flowId: flow.id,
            graph: flow.graph,
            trigger: "api",
            input: { order: `o${i}` },
          }),
        ),
      );
    },

    /** Waits until every one of the runs has started its model call. */
    modelCallsStarted: (runIds: string[]) =>
      waitFor("the model calls to start", async () => {
        const asking = new Set(
          (await nodeRuns(runIds)).filter((r) => r.nodeId === "ask").map((r) => r.runId),
        );
        return runIds.every((id) => asking.has(id)) ? true : undefined;
      }),

    /** The downstream calls made for these runs. */
    callsFor: (runIds: string[]) =>
      downstream.calls.filter((c) => runIds.some((id) => c.idempotencyKey?.startsWith(`${id}:`))),

    /** Waits until every run succeeded, then checks that each step happened once. */
    async expectCompletedOnce(runIds: string[], timeoutMs = 40_000): Promise<void> {
      await waitFor(
        "the runs to succeed",
        async () => {
          const done = await getDb().run.count({
            where: { id: { in: runIds }, status: "succeeded" },
          });
          return done === runIds.length ? true : undefined;
        },
        timeoutMs,
      );
      const rows = await nodeRuns(runIds);
      for (const runId of runIds) {
        const mine = rows.filter((row) => row.runId === runId);
        for (const nodeId of ["in", "charge", "ask", "out"]) {
          const succeeded = mine.filter((r) => r.nodeId === nodeId && r.status === "succeeded");
          expect(succeeded).toHaveLength(1);
        }
        expect(new Set(mine.map((r) => r.idempotencyKey)).size).toBe(mine.length);
        const charged = mine.find((r) => r.nodeId === "charge" && r.status === "succeeded")!;
        const keys = downstream.calls
          .filter((call) => call.idempotencyKey?.startsWith(`${runId}:`))
          .map((call) => call.idempotencyKey);
        expect(keys.length).toBeGreaterThanOrEqual(1);
        expect(new Set(keys)).toEqual(new Set([charged.idempotencyKey]));
      }
    },
  };
}

/** A new workspace (first setup) whose HTTP tool may reach a new fake downstream, with its scenario. */
export async function setUpChargeScenario() {
  const { workspaceId } = await completeSetup({
    name: "Ada",
    email: "ada@example.com",
    password: "correct-horse-1",
    workspaceName: "Acme",
  });
  const downstream = await startFakeDownstream();
  await addHttpAllowRule(workspaceId, downstream.url, "fake downstream");
  return { downstream, scenario: chargeScenario(workspaceId, downstream) };
}
