import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/runs/[id]/feedback/route";
import { createFlow } from "@/lib/db/flows";
import { createRun } from "@/lib/db/runs";
import { setupAdminContext } from "@/test/admin-context";
import { setupTestDatabase } from "@/test/database";
import type { WorkspaceContext } from "../workspace-context";
import { rateRun, runFeedback } from "./feedback";
import { getRun } from "./run-service";

/** The caller the route handlers see (set once the admin exists). */
const session = vi.hoisted(() => ({ ctx: null as unknown }));
vi.mock("@/lib/server/session", () => ({
  currentUser: async () => (session.ctx as WorkspaceContext | null)?.user ?? null,
}));
vi.mock("@/lib/server/workspace-context", () => ({
  resolveWorkspaceContext: async () => session.ctx,
}));

setupTestDatabase();

let ctx: WorkspaceContext;
let other: WorkspaceContext;
beforeAll(async () => {
  const admin = await setupAdminContext();
  ctx = admin.ctx;
  other = await admin.inNewWorkspace("Elsewhere");
  session.ctx = ctx;
});

const graph = { nodes: [], edges: [] };
async function newRun(as = ctx): Promise<string> {
  const flow = await createFlow(as.workspace.id, { name: `f${Math.random()}`, graph });
  const run = await createRun({
    workspaceId: as.workspace.id,
    flowId: flow.id,
    graphSnapshot: graph,
    trigger: "editor",
    input: {},
  });
  return run.id;
}

const call = (handler: typeof POST, runId: string, body?: unknown) =>
  handler(
    new Request(`http://test/api/runs/${runId}/feedback`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve({ id: runId }) },
  );

describe("run feedback", () => {
  it("records a rating with its author and makes the latest one the run's rating", async () => {
    const runId = await newRun();
    const first = await rateRun(
      ctx.workspace.id,
      runId,
      { user: ctx.user },
      {
        rating: "good",
        score: 0.9,
        comment: "clear",
      },
    );
    expect(first).toEqual({
      feedback: {
        id: expect.any(String),
        rating: "good",
        score: 0.9,
        comment: "clear",
        author: { id: ctx.user.id, name: ctx.user.name },
        apiKeyId: null,
        createdAt: expect.any(String),
      },
      run: { id: runId, rating: "good" },
    });
    await rateRun(ctx.workspace.id, runId, { apiKeyId: "key_1" }, { rating: "bad" });
    expect((await getRun(ctx, runId)).rating).toBe("bad");

    const items = await runFeedback(ctx.workspace.id, runId);
    expect(items.map((f) => [f.rating, f.apiKeyId, f.author?.id ?? null])).toEqual([
      ["bad", "key_1", null],
      ["good", null, ctx.user.id],
    ]);
    expect(items[0]).toMatchObject({ score: null, comment: "" });
  });

  it("answers 404 for another workspace's run and leaves it unrated", async () => {
    const foreign = await newRun(other);
    await expect(
      rateRun(ctx.workspace.id, foreign, { user: ctx.user }, { rating: "good" }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(runFeedback(ctx.workspace.id, foreign)).rejects.toMatchObject({ status: 404 });
    expect((await getRun(other, foreign)).rating).toBeNull();
    expect(await runFeedback(other.workspace.id, foreign)).toEqual([]);
  });
});

describe("POST and GET /api/runs/:id/feedback", () => {
  it("answers 201 with the feedback and the run's rating, then lists it newest first", async () => {
    const runId = await newRun();
    const created = await call(POST, runId, { rating: "bad", score: 0, comment: "off topic" });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      feedback: { rating: "bad", score: 0, comment: "off topic" },
      run: { id: runId, rating: "bad" },
    });
    await call(POST, runId, { rating: "good", score: 1 });
    const listed = await call(GET, runId);
    expect(listed.status).toBe(200);
    const { items } = (await listed.json()) as { items: { rating: string }[] };
    expect(items.map((f) => f.rating)).toEqual(["good", "bad"]);
  });

  it("answers 400 with field errors for a bad body and 404 for another workspace's run", async () => {
    const runId = await newRun();
    const tooHigh = await call(POST, runId, { rating: "good", score: 1.5 });
    expect(tooHigh.status).toBe(400);
    expect(await tooHigh.json()).toMatchObject({
      error: { code: "validation_failed", details: { issues: [{ path: "score" }] } },
    });
    const noRating = await call(POST, runId, { comment: "x".repeat(2_001) });
    expect(noRating.status).toBe(400);
    const paths = (
      (await noRating.json()) as { error: { details: { issues: { path: string }[] } } }
    ).error.details.issues.map((i) => i.path);
    expect(paths.sort()).toEqual(["comment", "rating"]);
    expect((await getRun(ctx, runId)).rating).toBeNull();

    const foreign = await newRun(other);
    const post = await call(POST, foreign, { rating: "good" });
    expect(post.status).toBe(404);
    expect(JSON.stringify(await post.json())).not.toContain(foreign);
    expect((await call(GET, foreign)).status).toBe(404);
  });
});
