import { afterEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/bench/peer/route";
import { getDb } from "@/lib/db/client";
import { setupTestDatabase } from "@/test/database";

setupTestDatabase();

const call = (body: string) =>
  POST(
    new Request("http://test/api/bench/peer", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    }),
  );

afterEach(() => {
  delete process.env.TRELLIS_BENCH_PAGES;
});

describe("the endpoint benchmark's peer route", () => {
  it("does not exist unless TRELLIS_BENCH_PAGES=1", async () => {
    const response = await call(JSON.stringify({ input: { question: "Hello?" } }));
    expect(response.status).toBe(404);
    expect(await getDb().benchPeerCall.count()).toBe(0);
  });

  it("answers a bad body with 400 and its field, storing nothing", async () => {
    process.env.TRELLIS_BENCH_PAGES = "1";
    const response = await call(JSON.stringify({ input: { question: 42 } }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { details: { issues: { path: string }[] } } };
    expect(body.error.details.issues.map((issue) => issue.path)).toEqual(["input.question"]);
    expect((await call("{not json")).status).toBe(400);
    expect(await getDb().benchPeerCall.count()).toBe(0);
  });

  it("calls the Simulated model with the flow's 50 ms latency and stores one row per call", async () => {
    process.env.TRELLIS_BENCH_PAGES = "1";
    const started = performance.now();
    const response = await call(JSON.stringify({ input: { question: "Where is my parcel?" } }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { output: string; usage: { tokensOut: number } };
    expect(body.output.length).toBeGreaterThan(0);
    const rows = await getDb().benchPeerCall.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      input: { question: "Where is my parcel?" },
      answer: body.output,
      tokensOut: body.usage.tokensOut,
    });
  });
});
