import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createRun, type RunStatus } from "@/lib/db/runs";
import { expectApiError } from "@/test/api-error";
import { setupTestDatabase } from "@/test/database";
import { askGraph, flowWithVersions } from "@/test/endpoints";
import { auditEventsOf, createAdminContext } from "@/test/fixtures";
import type { WorkspaceContext } from "../workspace-context";
import {
  getEndpoint,
  listEndpointDtos,
  publishEndpoint,
  removeEndpoint,
  repointEndpoint,
  setEndpointState,
} from "./endpoints";

setupTestDatabase();

let ctx: WorkspaceContext;
let other: WorkspaceContext;
let flowId = "";
let v1 = "";
let v2Text = "";
let v3Model = "";

beforeAll(async () => {
  ctx = await createAdminContext("Acme");
  other = await createAdminContext("Globex");
  const flow = await flowWithVersions(ctx, [
    askGraph("sim-small", "Answer: {{question}}"),
    askGraph("sim-small", "Answer briefly: {{question}}"),
    askGraph("sim-large", "Answer briefly: {{question}}"),
  ]);
  flowId = flow.flowId;
  [v1, v2Text, v3Model] = flow.versionIds as [string, string, string];
});

/** A run of version 1 through an endpoint, with a status and creation time. */
async function endpointRun(endpointId: string, status: RunStatus, createdAt = new Date()) {
  const { id } = await createRun({
    workspaceId: ctx.workspace.id,
    flowId,
    flowVersionId: v1,
    trigger: "endpoint",
    input: {},
  });
  await getDb().run.update({ where: { id }, data: { status, createdAt, endpointId } });
  return id;
}

describe("publishing endpoints", () => {
  it("publishes a version under a new slug without approval, audited", async () => {
    const endpoint = await publishEndpoint(ctx, { slug: "triage", flowVersionId: v3Model });
    expect(endpoint).toMatchObject({
      slug: "triage",
      status: "active",
      flowId,
      flowVersionId: v3Model,
      version: 3,
      runPath: "/api/v1/flows/triage/run",
      traffic: { runs: 0, errorRate: null, inFlight: 0, lastCalledAt: null },
    });
    const events = (await auditEventsOf(ctx.workspace.id)).filter(
      (e) => e.targetId === endpoint.id,
    );
    expect(events.map((e) => e.action)).toEqual(["endpoint.publish"]);
    expect(events[0]!.after).toMatchObject({ slug: "triage", version: 3, status: "active" });
  });

  it("refuses a taken slug (409), another workspace's version (404) and a bad version", async () => {
    await expectApiError(
      publishEndpoint(ctx, { slug: "triage", flowVersionId: v1 }),
      409,
      "conflict",
    );
    await expectApiError(
      publishEndpoint(other, { slug: "x", flowVersionId: v1 }),
      404,
      "not_found",
    );
    await expectApiError(
      publishEndpoint(ctx, { slug: "y", flowVersionId: "nope" }),
      404,
      "not_found",
    );
  });

  it("lets the same slug exist in another workspace, each seeing only its own", async () => {
    const theirs = await flowWithVersions(other, [askGraph()]);
    await publishEndpoint(other, { slug: "triage", flowVersionId: theirs.versionIds[0]! });
    const [mine] = await listEndpointDtos(ctx);
    await expectApiError(getEndpoint(other, mine!.id), 404, "not_found");
    await expectApiError(setEndpointState(other, mine!.id, "paused"), 404, "not_found");
    await expectApiError(removeEndpoint(other, mine!.id), 404, "not_found");
  });
});

describe("repointing", () => {
  let id = "";
  beforeAll(async () => {
    id = (await publishEndpoint(ctx, { slug: "rollback", flowVersionId: v2Text })).id;
  });

  it("moves to a version that changes only text, in one step, audited", async () => {
    const endpoint = await repointEndpoint(ctx, id, v1);
    expect(endpoint).toMatchObject({ flowVersionId: v1, version: 1 });
    const events = (await auditEventsOf(ctx.workspace.id)).filter((e) => e.targetId === id);
    expect(events.at(-1)).toMatchObject({
      action: "endpoint.repoint",
      before: { version: 2 },
      after: { version: 1 },
    });
  });

  it("needs approval for a version that changes a model (403 approval_required)", async () => {
    const error = await expectApiError(repointEndpoint(ctx, id, v3Model), 403, "approval_required");
    expect(error.details).toEqual({
      endpointId: id,
      flowVersionId: v3Model,
      changes: [
        {
          nodeId: "ask",
          nodeLabel: "ask",
          field: "model",
          from: "simulated/sim-small",
          to: "simulated/sim-large",
        },
      ],
    });
    expect((await getEndpoint(ctx, id)).flowVersionId).toBe(v1);
  });

  it("refuses the version it serves (409) and another flow's version (400)", async () => {
    await expectApiError(repointEndpoint(ctx, id, v1), 409, "conflict");
    const otherFlow = await flowWithVersions(ctx, [askGraph()]);
    await expectApiError(repointEndpoint(ctx, id, otherFlow.versionIds[0]!), 400, "bad_request");
  });
});

describe("pause, resume, delete and traffic", () => {
  it("pauses and resumes, auditing only real changes", async () => {
    const { id } = await publishEndpoint(ctx, { slug: "drain", flowVersionId: v1 });
    expect((await setEndpointState(ctx, id, "paused")).status).toBe("paused");
    expect((await setEndpointState(ctx, id, "paused")).status).toBe("paused");
    expect((await setEndpointState(ctx, id, "active")).status).toBe("active");
    const actions = (await auditEventsOf(ctx.workspace.id))
      .filter((e) => e.targetId === id)
      .map((e) => e.action);
    expect(actions).toEqual(["endpoint.publish", "endpoint.pause", "endpoint.resume"]);
  });

  it("counts the last 24 hours by outcome, runs in flight and the last call", async () => {
    const { id } = await publishEndpoint(ctx, { slug: "busy", flowVersionId: v1 });
    const run = (status: RunStatus, createdAt?: Date) => endpointRun(id, status, createdAt);
    await run("succeeded");
    await run("succeeded");
    await run("succeeded");
    await run("failed");
    await run("running");
    await run("failed", new Date(Date.now() - 2 * 24 * 3600_000));
    const endpoint = await getEndpoint(ctx, id);
    expect(endpoint.traffic).toMatchObject({
      runs: 5,
      succeeded: 3,
      failed: 1,
      inFlight: 1,
      errorRate: 0.25,
    });
    expect(Date.now() - Date.parse(endpoint.traffic.lastCalledAt!)).toBeLessThan(60_000);
  });

  it("deletes an endpoint; its runs stay in history without it", async () => {
    const { id } = await publishEndpoint(ctx, { slug: "gone", flowVersionId: v1 });
    const runId = await endpointRun(id, "succeeded");
    await removeEndpoint(ctx, id);
    await expectApiError(getEndpoint(ctx, id), 404, "not_found");
    expect(await getDb().run.findUnique({ where: { id: runId } })).toMatchObject({
      endpointId: null,
    });
    const last = (await auditEventsOf(ctx.workspace.id)).at(-1)!;
    expect(last).toMatchObject({
      action: "endpoint.delete",
      targetId: id,
      before: { slug: "gone" },
    });
  });
});
