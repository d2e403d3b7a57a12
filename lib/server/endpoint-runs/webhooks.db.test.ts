import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as runRoute } from "@/app/api/v1/flows/[slug]/run/route";
import { getDb } from "@/lib/db/client";
import { addHttpAllowRule } from "@/lib/db/http-allow-rules";
import { createWebhookDelivery, listWebhookDeliveries } from "@/lib/db/webhooks";
import type { EndpointRunDto, WebhookPayload } from "@/lib/schemas/endpoint-runs";
import { setupTestDatabase } from "@/test/database";
import { askGraph, flowWithVersions } from "@/test/endpoints";
import { createAdminContext } from "@/test/fixtures";
import { callApi, testKey } from "@/test/run-api";
import { publishEndpoint } from "../endpoints/endpoints";
import type { WorkspaceContext } from "../workspace-context";
import { awaitRun } from "../runs/await-run";
import { verifyWebhookSignature } from "./webhook-signature";
import { deliverDueWebhooks } from "./webhooks";

setupTestDatabase();

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

let ctx: WorkspaceContext;
let key: { id: string; secret: string; webhookSecret: string };
let server: http.Server;
let base = "";
const received: Received[] = [];
/** Statuses the receiver answers, in order (then 200). */
const replies: number[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(replies.shift() ?? 200).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ctx = await createAdminContext("Acme");
  const { versionIds } = await flowWithVersions(ctx, [askGraph()]);
  await publishEndpoint(ctx, { slug: "ask", flowVersionId: versionIds[0]! });
  key = await testKey(ctx);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const start = (callbackUrl: string) =>
  callApi(runRoute, {
    key: key.secret,
    params: { slug: "ask" },
    body: { input: { question: "q" }, mode: "async", callbackUrl },
  });

/** The run's callback once its first attempt has an outcome. */
async function settledDelivery(runId: string) {
  for (let i = 0; i < 100; i += 1) {
    const [delivery] = await listWebhookDeliveries(runId);
    if (delivery && (delivery.status !== "pending" || delivery.lastStatus !== null))
      return delivery;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the callback was not attempted");
}

describe("callbacks", () => {
  it("refuses loopback and metadata callback URLs unless allow-listed (metadata always)", async () => {
    for (const url of [
      `${base}/hook`,
      "http://169.254.169.254/latest/meta-data",
      "http://localhost/x",
    ]) {
      const response = await start(url);
      expect(response.status).toBe(400);
      const body = (await response.json()) as {
        error: { details: { issues: { path: string }[] } };
      };
      expect(body.error.details.issues[0]!.path).toBe("callbackUrl");
    }
    await addHttpAllowRule(ctx.workspace.id, "http://169.254.169.254");
    expect((await start("http://169.254.169.254/latest/meta-data")).status).toBe(400);
    expect(await getDb().run.count({ where: { workspaceId: ctx.workspace.id } })).toBe(0);
  });

  it("POSTs the settled run, signed with the key's webhook secret, to an allow-listed receiver", async () => {
    await addHttpAllowRule(ctx.workspace.id, base);
    const response = await start(`${base}/hook?order=1`);
    expect(response.status).toBe(202);
    const { run } = (await response.json()) as { run: EndpointRunDto };
    await awaitRun(run.id, 10_000);
    const delivery = await settledDelivery(run.id);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1, lastStatus: 200 });
    const hit = received.at(-1)!;
    expect(hit.headers["content-type"]).toBe("application/json");
    expect(hit.headers["trellis-webhook-id"]).toBe(delivery.id);
    expect(
      verifyWebhookSignature(key.webhookSecret, String(hit.headers["trellis-signature"]), hit.body),
    ).toBe(true);
    expect(
      verifyWebhookSignature("whsec_wrong", String(hit.headers["trellis-signature"]), hit.body),
    ).toBe(false);
    const payload = JSON.parse(hit.body) as WebhookPayload;
    expect(payload).toMatchObject({
      id: delivery.id,
      type: "run.settled",
      run: { id: run.id, status: "succeeded", endpoint: "ask" },
    });
  });

  it("retries a failed delivery with backoff, then delivers it", async () => {
    replies.push(500);
    const { run } = (await (await start(`${base}/flaky`)).json()) as { run: EndpointRunDto };
    await awaitRun(run.id, 10_000);
    const failed = await settledDelivery(run.id);
    expect(failed).toMatchObject({ status: "pending", attempts: 1, lastStatus: 500 });
    const wait = failed.nextAttemptAt.getTime() - Date.now();
    expect(wait).toBeGreaterThan(5_000);
    expect(wait).toBeLessThanOrEqual(10_000);
    expect(await deliverDueWebhooks({ runId: run.id })).toBe(0);
    await getDb().webhookDelivery.update({
      where: { id: failed.id },
      data: { nextAttemptAt: new Date() },
    });
    expect(await deliverDueWebhooks({ runId: run.id })).toBe(1);
    const [done] = await listWebhookDeliveries(run.id);
    expect(done).toMatchObject({ status: "delivered", attempts: 2, lastStatus: 200 });
  });

  it("gives up after the last attempt, and refuses at connect time a host that resolves to loopback", async () => {
    const { run } = (await (await start(`${base}/ok`)).json()) as { run: EndpointRunDto };
    await awaitRun(run.id, 10_000);
    await settledDelivery(run.id);
    replies.push(503);
    await createWebhookDelivery({
      workspaceId: ctx.workspace.id,
      runId: run.id,
      apiKeyId: key.id,
      url: `${base}/down`,
    });
    await createWebhookDelivery({
      workspaceId: ctx.workspace.id,
      runId: run.id,
      apiKeyId: key.id,
      url: "http://hooks.example.test/rebind",
    });
    const loopback = async () => [{ address: "127.0.0.1", family: 4 as const }];
    expect(await deliverDueWebhooks({ runId: run.id, backoffMs: [], lookup: loopback })).toBe(2);
    const deliveries = await listWebhookDeliveries(run.id);
    expect(deliveries.find((d) => d.url.endsWith("/down"))).toMatchObject({
      status: "failed",
      lastStatus: 503,
    });
    const rebind = deliveries.find((d) => d.url.includes("example.test"))!;
    expect(rebind.status).toBe("failed");
    expect(rebind.lastError).toMatch(/loopback/);
  });
});
