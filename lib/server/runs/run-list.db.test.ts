import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/runs/route";
import { getDb } from "@/lib/db/client";
import { createFlow } from "@/lib/db/flows";
import { createRun, type RunStatus, type RunTrigger } from "@/lib/db/runs";
import { runListQuerySchema, type RunListItem } from "@/lib/schemas/run-list";
import { setupAdminContext } from "@/test/admin-context";
import { setupTestDatabase } from "@/test/database";
import type { WorkspaceContext } from "../workspace-context";
import { compactJsonText, listRuns } from "./run-list";

/** The caller the route handler sees (set once the admin exists). */
const session = vi.hoisted(() => ({ ctx: null as unknown }));
vi.mock("@/lib/server/session", () => ({
  currentUser: async () => (session.ctx as WorkspaceContext | null)?.user ?? null,
}));
vi.mock("@/lib/server/workspace-context", () => ({
  resolveWorkspaceContext: async () => session.ctx,
}));

setupTestDatabase();

const graph = { nodes: [], edges: [] };

interface RunSpec {
  flowId: string;
  at: string;
  input: unknown;
  trigger?: RunTrigger;
  status?: RunStatus;
  rating?: string;
  costUsd?: string;
  flowVersionId?: string;
  apiKeyId?: string;
  purged?: boolean;
}

async function addRun(ws: WorkspaceContext, spec: RunSpec): Promise<string> {
  const { id } = await createRun({
    workspaceId: ws.workspace.id,
    flowId: spec.flowId,
    flowVersionId: spec.flowVersionId,
    graphSnapshot: spec.flowVersionId ? undefined : graph,
    trigger: spec.trigger ?? "editor",
    input: spec.input,
  });
  await getDb().run.update({
    where: { id },
    data: {
      createdAt: new Date(spec.at),
      status: spec.status ?? "succeeded",
      rating: spec.rating ?? null,
      costUsd: spec.costUsd ?? "0",
      apiKeyId: spec.apiKeyId,
      ...(spec.purged ? { input: "null", contentPurgedAt: new Date() } : {}),
    },
  });
  return id;
}

let ctx: WorkspaceContext;
let other: WorkspaceContext;
const flows = { a: "", b: "", tied: "", elsewhere: "" };
const runs: Record<string, string> = {};

beforeAll(async () => {
  const admin = await setupAdminContext();
  ctx = await admin.inNewWorkspace("Runs");
  other = await admin.inNewWorkspace("Elsewhere");
  session.ctx = ctx;
  const flow = async (ws: WorkspaceContext, name: string) =>
    (await createFlow(ws.workspace.id, { name, graph })).id;
  flows.a = await flow(ctx, "Alpha");
  flows.b = await flow(ctx, "Beta");
  flows.tied = await flow(ctx, "Tied");
  flows.elsewhere = await flow(other, "Alpha");
  const version = await getDb().flowVersion.create({
    data: { workspaceId: ctx.workspace.id, flowId: flows.a, version: 1, graph },
  });
  const key = await getDb().apiKey.create({
    data: { workspaceId: ctx.workspace.id, name: "ci-key", prefix: "trl_ci", hash: "h-ci" },
  });

  runs.good = await addRun(ctx, {
    flowId: flows.a,
    at: "2026-03-01T10:00:00Z",
    input: { text: "Refund 50% off" },
    rating: "good",
    costUsd: "0.5",
  });
  runs.api = await addRun(ctx, {
    flowId: flows.a,
    at: "2026-03-02T10:00:00Z",
    input: { text: "an under_score here" },
    trigger: "api",
    status: "failed",
    rating: "bad",
    costUsd: "0.01",
    flowVersionId: version.id,
    apiKeyId: key.id,
  });
  runs.running = await addRun(ctx, {
    flowId: flows.b,
    at: "2026-03-03T23:59:59.999Z",
    input: { text: "O'Brien said HELLO" },
    trigger: "endpoint",
    status: "running",
  });
  runs.waiting = await addRun(ctx, {
    flowId: flows.b,
    at: "2026-03-04T00:00:00Z",
    input: { path: "C:\\temp", quote: 'say "hi"' },
    trigger: "replay",
    status: "waiting",
    costUsd: "1.25",
  });
  runs.purged = await addRun(ctx, {
    flowId: flows.a,
    at: "2026-03-05T10:00:00Z",
    input: { text: "secret" },
    purged: true,
  });
  runs.decoy = await addRun(ctx, {
    flowId: flows.a,
    at: "2026-03-06T10:00:00Z",
    input: { text: "Refund 50 off, an underXscore, OXBrien" },
  });
  runs.long = await addRun(ctx, {
    flowId: flows.a,
    at: "2026-03-07T10:00:00Z",
    input: { text: "x".repeat(500), n: [1, 2] },
  });
  for (let i = 0; i < 7; i += 1) {
    runs[`tied${i}`] = await addRun(ctx, {
      flowId: flows.tied,
      at: "2026-03-08T10:00:00Z",
      input: { i },
    });
  }
  runs.elsewhere = await addRun(other, {
    flowId: flows.elsewhere,
    at: "2026-03-02T10:00:00Z",
    input: { text: "Refund 50% off" },
    trigger: "api",
  });
});

const list = (params: Record<string, string>, as = ctx) =>
  listRuns(as, runListQuerySchema.parse(params));
const ids = async (params: Record<string, string>) =>
  (await list(params)).items.map((item) => item.id);
const named = (...names: string[]) => names.map((name) => runs[name]);
const isTied = (id: string) => named(...[0, 1, 2, 3, 4, 5, 6].map((i) => `tied${i}`)).includes(id);

describe("run list", () => {
  it("lists the workspace's runs newest first with flow, version, key and preview", async () => {
    const page = await list({});
    expect(page.items).toHaveLength(14);
    expect(page.nextCursor).toBeNull();
    const times = page.items.map((item) => item.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(page.items.find((item) => item.id === runs.api)).toEqual<RunListItem>({
      id: runs.api!,
      flowId: flows.a,
      flowName: "Alpha",
      flowVersionId: expect.any(String),
      flowVersion: 1,
      status: "failed",
      trigger: "api",
      rating: "bad",
      costUsd: "0.01000000",
      tokensIn: 0,
      tokensOut: 0,
      tokensCached: 0,
      latencyMs: null,
      createdAt: "2026-03-02T10:00:00.000Z",
      finishedAt: null,
      inputPreview: '{"text":"an under_score here"}',
      apiKeyName: "ci-key",
      endpointSlug: null,
    });
    const good = page.items.find((item) => item.id === runs.good);
    expect(good).toMatchObject({ flowVersion: null, apiKeyName: null, rating: "good" });
  });

  it("previews the first 120 characters of the compact input, and nothing once purged", async () => {
    const { items } = await list({});
    const long = items.find((item) => item.id === runs.long)!.inputPreview!;
    expect(long).toBe(`{"n":[1,2],"text":"${"x".repeat(101)}…`);
    expect(items.find((item) => item.id === runs.purged)!.inputPreview).toBeNull();
    expect(items.find((item) => item.id === runs.waiting)!.inputPreview).toBe(
      '{"path":"C:\\\\temp","quote":"say \\"hi\\""}',
    );
    expect(compactJsonText('{"a": "x, y: \\" z", "b": [1, 2]}')).toBe(
      '{"a":"x, y: \\" z","b":[1,2]}',
    );
  });

  it("filters by flow, version, status, trigger and rating", async () => {
    expect(await ids({ flowId: flows.b })).toEqual(named("waiting", "running"));
    const versionId = (await list({ q: runs.api! })).items[0]!.flowVersionId!;
    expect(await ids({ flowVersionId: versionId })).toEqual(named("api"));
    expect(await ids({ status: "running,waiting" })).toEqual(named("waiting", "running"));
    expect(await ids({ status: "failed" })).toEqual(named("api"));
    expect(await ids({ trigger: "api,endpoint" })).toEqual(named("running", "api"));
    expect(await ids({ rating: "good" })).toEqual(named("good"));
    expect(await ids({ rating: "bad" })).toEqual(named("api"));
    expect(await ids({ rating: "unrated", flowId: flows.b })).toEqual(named("waiting", "running"));
    expect(await ids({ flowId: flows.a, status: "failed", rating: "good" })).toEqual([]);
  });

  it("filters by inclusive date range and minimum cost", async () => {
    expect(await ids({ from: "2026-03-03", to: "2026-03-03" })).toEqual(named("running"));
    expect(await ids({ from: "2026-03-04T00:00:00Z", to: "2026-03-05" })).toEqual(
      named("purged", "waiting"),
    );
    expect(await ids({ to: "2026-03-02T10:00:00+00:00" })).toEqual(named("api", "good"));
    expect(await ids({ minCostUsd: "0.5" })).toEqual(named("waiting", "good"));
    expect(await ids({ minCostUsd: "0.01000001" })).toEqual(named("waiting", "good"));
    expect(await ids({ minCostUsd: "2" })).toEqual([]);
  });

  it("searches run ids exactly or by prefix", async () => {
    expect(await ids({ q: runs.api! })).toEqual(named("api"));
    const prefix = runs.tied3!.slice(0, -3);
    expect(await ids({ q: prefix })).toContain(runs.tied3);
    expect(await ids({ q: `${runs.api}x` })).toEqual([]);
  });

  it("searches input text case-insensitively, matching % _ ' \\ and quotes literally", async () => {
    expect(await ids({ q: "refund 50%" })).toEqual(named("good"));
    expect(await ids({ q: "under_score" })).toEqual(named("api"));
    expect(await ids({ q: "o'brien" })).toEqual(named("running"));
    expect(await ids({ q: "C:\\temp" })).toEqual(named("waiting"));
    expect(await ids({ q: 'say "hi"' })).toEqual(named("waiting"));
    expect(await ids({ q: "%" })).toEqual(named("good"));
    expect(await ids({ q: "_" })).toEqual(named("api"));
    expect(await ids({ q: '\'; DROP TABLE "Run"; --' })).toEqual([]);
  });

  it("never matches a purged run's input", async () => {
    expect(await ids({ q: "null" })).toEqual([]);
    expect(await ids({ q: "secret" })).toEqual([]);
  });

  it("pages with a cursor without duplicates or gaps, across equal timestamps", async () => {
    const all = await ids({ limit: "100" });
    const cases: Record<string, string>[] = [
      { limit: "2", flowId: flows.tied },
      { limit: "3" },
      { limit: "1" },
    ];
    for (const params of cases) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof list>> = await list({
          ...params,
          ...(cursor ? { cursor } : {}),
        });
        expect(page.items.length).toBeLessThanOrEqual(Number(params.limit));
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      const expected = params.flowId ? all.filter(isTied) : all;
      expect(seen).toEqual(expected);
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  it("never returns another workspace's runs", async () => {
    expect(await ids({ flowId: flows.elsewhere })).toEqual([]);
    expect(await ids({ q: runs.elsewhere! })).toEqual([]);
    expect(await ids({})).not.toContain(runs.elsewhere);
    expect((await list({}, other)).items.map((item) => item.id)).toEqual(named("elsewhere"));
  });
});

describe("GET /api/runs", () => {
  const get = (query: string) => GET(new Request(`http://test/api/runs?${query}`));
  const fields = async (response: Response) =>
    (
      (await response.json()) as { error: { details: { issues: { path: string }[] } } }
    ).error.details.issues.map((issue) => issue.path);

  it("answers a page", async () => {
    const response = await get(`status=succeeded&flowId=${flows.tied}&limit=5`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: unknown[]; nextCursor: string | null };
    expect(body.items).toHaveLength(5);
    expect(typeof body.nextCursor).toBe("string");
  });

  it("answers 400 with the field for bad filters", async () => {
    for (const [query, field] of [
      [`q=${"x".repeat(10_000)}`, "q"],
      ["cursor=garbage!", "cursor"],
      ["from=2026-02-30", "from"],
      ["minCostUsd=-1", "minCostUsd"],
      ["status=done", "status"],
      ["limit=1000", "limit"],
    ] as const) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
      expect(await fields(response)).toEqual([field]);
    }
  });
});
