import { beforeAll, describe, expect, it } from "vitest";
import { POST as runRoute } from "@/app/api/v1/flows/[slug]/run/route";
import { getDb } from "@/lib/db/client";
import { setupTestDatabase } from "@/test/database";
import { askGraph, flowWithVersions } from "@/test/endpoints";
import { createAdminContext } from "@/test/fixtures";
import { callApi, testKey } from "@/test/run-api";
import { publishEndpoint } from "../endpoints/endpoints";
import { awaitRun } from "../runs/await-run";

setupTestDatabase();

let key = "";

beforeAll(async () => {
  const ctx = await createAdminContext("Acme");
  const { versionIds } = await flowWithVersions(ctx, [askGraph()]);
  await publishEndpoint(ctx, { slug: "ask", flowVersionId: versionIds[0]! });
  key = (await testKey(ctx)).secret;
});

const stream = (signal?: AbortSignal) =>
  callApi(runRoute, {
    key,
    params: { slug: "ask" },
    body: { input: { question: "Tell me a story" }, mode: "stream" },
    signal,
  });

/** SSE frames as [event, data]. */
function frames(text: string): [string, unknown][] {
  return text
    .split("\n\n")
    .filter((block) => block.includes("data: "))
    .map((block) => {
      const event = /^event: (.+)$/m.exec(block)?.[1] ?? "message";
      return [event, JSON.parse(/^data: (.*)$/m.exec(block)![1]!)];
    });
}

describe("stream mode", () => {
  it("streams run.created, node events and LLM tokens, then run.result", async () => {
    const response = await stream();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = frames(await response.text());
    const types = events.map(([type]) => type);
    expect(types[0]).toBe("run.created");
    expect(types).toContain("node.started");
    expect(types).toContain("node.token");
    expect(types).toContain("node.succeeded");
    expect(types.at(-1)).toBe("run.result");
    const [, result] = events.at(-1)! as [string, { run: { status: string; output: unknown } }];
    expect(result.run.status).toBe("succeeded");
    expect(result.run.output).not.toBeNull();
  });

  it("a client that disconnects mid-stream does not cancel the run: it completes and is recorded", async () => {
    const controller = new AbortController();
    const response = await stream(controller.signal);
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    const [[type, data]] = frames(first) as [[string, { run: { id: string; status: string } }]];
    expect(type).toBe("run.created");
    expect(["queued", "running"]).toContain(data.run.status);
    controller.abort();
    await reader.cancel();
    await awaitRun(data.run.id, 15_000);
    const run = await getDb().run.findUniqueOrThrow({
      where: { id: data.run.id },
      include: { nodeRuns: true },
    });
    expect(run.status).toBe("succeeded");
    expect(run.nodeRuns.map((n) => n.nodeId).sort()).toEqual(["ask", "in", "out"]);
    expect(run.tokensOut).toBeGreaterThan(0);
  });
});
