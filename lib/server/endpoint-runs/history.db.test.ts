import { beforeAll, describe, expect, it } from "vitest";
import { POST as runRoute } from "@/app/api/v1/flows/[slug]/run/route";
import type { EndpointRunDto } from "@/lib/schemas/endpoint-runs";
import { runListQuerySchema } from "@/lib/schemas/run-list";
import { setupTestDatabase } from "@/test/database";
import { askGraph, flowWithVersions } from "@/test/endpoints";
import { createAdminContext } from "@/test/fixtures";
import { callApi, testKey } from "@/test/run-api";
import { costsReport } from "../costs/report";
import { publishEndpoint, removeEndpoint } from "../endpoints/endpoints";
import { listRuns } from "../runs/run-list";
import { getRun } from "../runs/run-service";
import type { WorkspaceContext } from "../workspace-context";

setupTestDatabase();

let ctx: WorkspaceContext;
let run: EndpointRunDto;
let endpointId = "";
let keyName = "";
let flowId = "";

beforeAll(async () => {
  ctx = await createAdminContext("Acme");
  const flow = await flowWithVersions(ctx, [askGraph()]);
  flowId = flow.flowId;
  endpointId = (await publishEndpoint(ctx, { slug: "support", flowVersionId: flow.versionIds[0]! }))
    .id;
  const key = await testKey(ctx);
  keyName = key.name;
  const response = await callApi(runRoute, {
    key: key.secret,
    params: { slug: "support" },
    body: { input: { question: "Where is my order?" } },
  });
  ({ run } = (await response.json()) as { run: EndpointRunDto });
});

describe("endpoint runs in history and costs", () => {
  it("the runs list shows trigger endpoint, the key's name and the endpoint's slug", async () => {
    const page = await listRuns(ctx, runListQuerySchema.parse({ trigger: "endpoint" }));
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      id: run.id,
      trigger: "endpoint",
      apiKeyName: keyName,
      endpointSlug: "support",
      status: "succeeded",
    });
  });

  it("the run detail names the key and the endpoint", async () => {
    expect(await getRun(ctx, run.id)).toMatchObject({
      trigger: "endpoint",
      apiKeyName: keyName,
      endpointSlug: "support",
    });
  });

  it("the cost dashboard counts the run and its spend", async () => {
    const day = new Date().toISOString().slice(0, 10);
    const report = await costsReport(ctx, { from: day, to: day, flowId });
    expect(report.totals.runs).toBe(1);
    expect(report.totals.tokensIn).toBe(run.usage.tokensIn);
    expect(report.totals.costUsd).toBe(run.costUsd);
  });

  it("keeps the key's name after the endpoint is deleted", async () => {
    await removeEndpoint(ctx, endpointId);
    const page = await listRuns(ctx, runListQuerySchema.parse({}));
    expect(page.items[0]).toMatchObject({ id: run.id, apiKeyName: keyName, endpointSlug: null });
  });
});
