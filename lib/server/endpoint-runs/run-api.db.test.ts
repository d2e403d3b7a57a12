import { beforeAll, describe, expect, it } from "vitest";
import { POST as runRoute } from "@/app/api/v1/flows/[slug]/run/route";
import { GET as runStatusRoute } from "@/app/api/v1/runs/[id]/route";
import { getDb } from "@/lib/db/client";
import type { EndpointRunDto } from "@/lib/schemas/endpoint-runs";
import { setupTestDatabase } from "@/test/database";
import { askGraph, flowWithVersions } from "@/test/endpoints";
import { createAdminContext } from "@/test/fixtures";
import { callApi, testKey } from "@/test/run-api";
import { revokeKey } from "../api-keys/keys";
import { publishEndpoint, setEndpointState } from "../endpoints/endpoints";
import type { WorkspaceContext } from "../workspace-context";
import { awaitRun } from "../runs/await-run";

setupTestDatabase();

let ctx: WorkspaceContext;
let other: WorkspaceContext;
let endpointId = "";
let secondId = "";
let key = "";
let keyId = "";

const run = (
  slug: string,
  body: unknown,
  opts: { key?: string; headers?: Record<string, string> } = {},
) => callApi(runRoute, { key: opts.key ?? key, params: { slug }, body, headers: opts.headers });
type Answer = {
  run: EndpointRunDto;
  error: { code: string; message: string; details: { issues: { path: string }[] } };
};
const json = async (response: Response) => (await response.json()) as Answer;

beforeAll(async () => {
  ctx = await createAdminContext("Acme");
  other = await createAdminContext("Globex");
  const { versionIds } = await flowWithVersions(ctx, [askGraph()]);
  endpointId = (await publishEndpoint(ctx, { slug: "ask", flowVersionId: versionIds[0]! })).id;
  secondId = (await publishEndpoint(ctx, { slug: "second", flowVersionId: versionIds[0]! })).id;
  ({ secret: key, id: keyId } = await testKey(ctx));
});

describe("authentication and scope", () => {
  it("refuses no key, a malformed key, an unknown key and a revoked key (401)", async () => {
    for (const k of ["", "nope", "trl_" + "x".repeat(43)]) {
      const response = await run("ask", { input: { question: "q" } }, { key: k });
      expect(response.status).toBe(401);
      expect((await json(response)).error.code).toBe("unauthorized");
    }
    const revoked = await testKey(ctx);
    await revokeKey(ctx, revoked.id);
    const response = await run("ask", { input: { question: "q" } }, { key: revoked.secret });
    expect(response.status).toBe(401);
    expect((await json(response)).error.message).toMatch(/revoked/);
  });

  it("answers 404 for an endpoint outside the key's scope or workspace", async () => {
    const scoped = await testKey(ctx, { endpointIds: [secondId] });
    expect((await run("ask", { input: { question: "q" } }, { key: scoped.secret })).status).toBe(
      404,
    );
    const theirs = await testKey(other);
    const response = await run("ask", { input: { question: "q" } }, { key: theirs.secret });
    expect(response.status).toBe(404);
    expect((await json(response)).error.code).toBe("not_found");
  });

  it("records the key's last use", async () => {
    expect((await run("missing", { input: {} })).status).toBe(404);
    const row = await getDb().apiKey.findUniqueOrThrow({ where: { id: keyId } });
    expect(row.lastUsedAt).not.toBeNull();
  });
});

describe("bad requests", () => {
  it("answers 400 with field errors for input that misses the Input schema", async () => {
    const response = await run("ask", { input: { question: 42 } });
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.issues[0]).toMatchObject({ path: "/question" });
  });

  it("answers 400 for a body that is not JSON or has unknown fields, 415 for another type, 413 for 20 MB", async () => {
    expect((await run("ask", "{not json")).status).toBe(400);
    expect((await run("ask", { input: {}, extra: true })).status).toBe(400);
    const typed = await run("ask", "x", { headers: { "content-type": "text/plain" } });
    expect(typed.status).toBe(415);
    const big = JSON.stringify({ input: { question: "x".repeat(20 * 1024 * 1024) } });
    const response = await run("ask", big);
    expect(response.status).toBe(413);
    expect((await json(response)).error.code).toBe("payload_too_large");
  });
});

describe("modes", () => {
  it("sync: waits for the run and answers 200 with output, usage and cost", async () => {
    const response = await run("ask", { input: { question: "Where is my parcel?" } });
    expect(response.status).toBe(200);
    const { run: result } = await json(response);
    expect(result).toMatchObject({
      status: "succeeded",
      endpoint: "ask",
      statusUrl: `/api/v1/runs/${result.id}`,
    });
    expect(result.usage.tokensIn).toBeGreaterThan(0);
    const stored = await getDb().run.findUniqueOrThrow({ where: { id: result.id } });
    expect(stored).toMatchObject({
      trigger: "endpoint",
      endpointId,
      apiKeyId: keyId,
      createdById: null,
    });
    const readBack = await callApi(runStatusRoute, { key, params: { id: result.id } });
    expect((await json(readBack)).run).toEqual(result);
  });

  it("sync: answers 202 with the run id once waitMs passes", async () => {
    const response = await run("ask", { input: { question: "q" }, waitMs: 1 });
    expect(response.status).toBe(202);
    const { run: result } = await json(response);
    expect(response.headers.get("location")).toBe(result.statusUrl);
    await awaitRun(result.id, 10_000);
  });

  it("async: answers 202 at once; GET /api/v1/runs/{id} shows the settled run to keys in scope only", async () => {
    const response = await run("ask", { input: { question: "q" }, mode: "async" });
    expect(response.status).toBe(202);
    const { run: started } = await json(response);
    expect(["queued", "running"]).toContain(started.status);
    await awaitRun(started.id, 10_000);
    const status = await callApi(runStatusRoute, { key, params: { id: started.id } });
    expect(status.status).toBe(200);
    expect((await json(status)).run).toMatchObject({ status: "succeeded", endpoint: "ask" });
    const scoped = await testKey(ctx, { endpointIds: [secondId] });
    expect(
      (await callApi(runStatusRoute, { key: scoped.secret, params: { id: started.id } })).status,
    ).toBe(404);
    const theirs = await testKey(other);
    expect(
      (await callApi(runStatusRoute, { key: theirs.secret, params: { id: started.id } })).status,
    ).toBe(404);
  });
});

describe("pause drains", () => {
  it("new calls get 503 with Retry-After while a run in flight finishes", async () => {
    const response = await run("second", { input: { question: "q" }, mode: "async" });
    const { run: inFlight } = await json(response);
    await setEndpointState(ctx, secondId, "paused");
    const refused = await run("second", { input: { question: "q" } });
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("30");
    expect((await json(refused)).error.code).toBe("unavailable");
    await awaitRun(inFlight.id, 10_000);
    expect((await getDb().run.findUniqueOrThrow({ where: { id: inFlight.id } })).status).toBe(
      "succeeded",
    );
    await setEndpointState(ctx, secondId, "active");
    expect((await run("second", { input: { question: "q" } })).status).toBe(200);
  });
});

describe("idempotency", () => {
  it("returns the original run for a retried request; another body is 409", async () => {
    const headers = { "idempotency-key": "order-1234" };
    const first = await json(
      await run("ask", { input: { question: "q" }, mode: "async" }, { headers }),
    );
    const again = await run("ask", { mode: "async", input: { question: "q" } }, { headers });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect((await json(again)).run.id).toBe(first.run.id);
    const changed = await run("ask", { input: { question: "other" }, mode: "async" }, { headers });
    expect(changed.status).toBe(409);
    expect((await json(changed)).error.code).toBe("conflict");
    const runs = await getDb().run.count({
      where: { apiKeyId: keyId, input: { equals: { question: "q" } } },
    });
    expect(runs).toBeGreaterThan(0);
    await awaitRun(first.run.id, 10_000);
  });

  it("gives two concurrent requests with the same key and body one run", async () => {
    const headers = { "idempotency-key": "concurrent-1" };
    const body = { input: { question: "together" }, mode: "async" };
    const answers = await Promise.all([
      run("ask", body, { headers }),
      run("ask", body, { headers }),
    ]);
    const ids = await Promise.all(answers.map(async (r) => (await json(r)).run.id));
    expect(ids[0]).toBe(ids[1]);
    expect(answers.map((r) => r.headers.get("idempotent-replayed")).sort()).toEqual([null, "true"]);
    await awaitRun(ids[0]!, 10_000);
  });

  it("keeps keys apart per API key and refuses a bad header", async () => {
    const headers = { "idempotency-key": "shared-key" };
    const a = await json(
      await run("ask", { input: { question: "q" }, mode: "async" }, { headers }),
    );
    const otherKey = await testKey(ctx);
    const b = await json(
      await run(
        "ask",
        { input: { question: "q" }, mode: "async" },
        { key: otherKey.secret, headers },
      ),
    );
    expect(b.run.id).not.toBe(a.run.id);
    const bad = await run(
      "ask",
      { input: { question: "q" } },
      { headers: { "idempotency-key": "a b" } },
    );
    expect(bad.status).toBe(400);
    await Promise.all([awaitRun(a.run.id, 10_000), awaitRun(b.run.id, 10_000)]);
  });

  it("lets a retry succeed after the first attempt failed before creating a run", async () => {
    const headers = { "idempotency-key": "retry-after-400" };
    expect((await run("ask", { input: { question: 1 } }, { headers })).status).toBe(400);
    expect((await run("ask", { input: { question: "ok" } }, { headers })).status).toBe(200);
  });
});

describe("rate limits", () => {
  it("answers 429 with Retry-After per key, whatever X-Forwarded-For says", async () => {
    const limited = await testKey(ctx, { rateLimitPerMinute: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await run(
        "ask",
        { input: { question: "q" }, mode: "async" },
        { key: limited.secret, headers: { "x-forwarded-for": `10.0.0.${i}` } },
      );
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
        expect((await json(response)).error.code).toBe("rate_limited");
      }
    }
    expect(statuses).toEqual([202, 202, 429, 429]);
    expect((await run("ask", { input: { question: "q" } })).status).toBe(200);
  });
});
