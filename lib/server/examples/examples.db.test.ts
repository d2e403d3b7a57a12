import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { listAttempts } from "@/lib/db/node-runs";
import { createRun, loadRun } from "@/lib/db/runs";
import { setupTestDatabase } from "@/test/database";
import { similarTickets, ticketsQuerySchema } from "../demo/tickets";
import { decideTask } from "../runs/human-tasks";
import { executeRun } from "../runs/execute-run";
import { completeSetup } from "../setup";
import type { WorkspaceContext } from "../workspace-context";

setupTestDatabase();

// The demo API as the app serves it, so the seeded HTTP allow rule (publicUrl + /api/demo/) matches.
const demoRequests: string[] = [];
const demo = http.createServer((req, res) => {
  demoRequests.push(req.url ?? "");
  const url = new URL(req.url ?? "/", "http://x");
  const body = similarTickets(ticketsQuerySchema.parse(Object.fromEntries(url.searchParams)));
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
});

let ctx: WorkspaceContext;

beforeAll(async () => {
  await new Promise<void>((resolve) => demo.listen(0, "127.0.0.1", resolve));
  process.env.NEXTAUTH_URL = `http://127.0.0.1:${(demo.address() as AddressInfo).port}`;
  const { userId, workspaceId } = await completeSetup({
    name: "Ada",
    email: "ada@example.com",
    password: "correct-horse-1",
    workspaceName: "Acme",
  });
  const user = (await getDb().user.findUniqueOrThrow({
    where: { id: userId },
  })) as WorkspaceContext["user"];
  ctx = { user, workspace: { id: workspaceId, name: "Acme" }, roles: ["admin"], memberships: [] };
});
afterAll(() => new Promise<void>((resolve) => demo.close(() => resolve())));

async function runExample(name: string, input: unknown) {
  const flow = await getDb().flow.findFirstOrThrow({
    where: { workspaceId: ctx.workspace.id, name },
  });
  const { id } = await createRun({
    workspaceId: ctx.workspace.id,
    flowId: flow.id,
    graphSnapshot: flow.graph,
    trigger: "api",
    input,
  });
  await executeRun(id);
  const attempts = await listAttempts(id);
  return { id, run: (await loadRun(id))!, nodes: new Map(attempts.map((a) => [a.nodeId, a])) };
}

describe("seeded example flows on the simulated model", () => {
  it("ticket triage: a clear technical ticket skips the lookup and drafts a guarded reply", async () => {
    const { run, nodes } = await runExample("Ticket triage (example)", {
      subject: "API error after login",
      body: "The api returns an error and the app crashes after login since this morning.",
    });
    expect(nodes.get("lookup")?.status).toBe("skipped");
    expect(nodes.get("draft")?.status).toBe("succeeded");
    expect(nodes.get("draft")?.promptVersionId).toBeTruthy();
    expect(["succeeded", "waiting"]).toContain(run.status);
    expect(Number(run.costUsd) > 0 || run.status === "waiting").toBe(true);
  });

  it("ticket triage: an unclear ticket looks up similar tickets through the allow-listed demo API", async () => {
    const before = demoRequests.length;
    const { nodes } = await runExample("Ticket triage (example)", {
      subject: "Hello",
      body: "Quick question about something.",
    });
    expect(nodes.get("classify")?.status).toBe("succeeded");
    expect(nodes.get("lookup")?.status).toBe("succeeded");
    expect(demoRequests.length).toBe(before + 1);
    expect(JSON.stringify(nodes.get("lookup")?.output)).toContain("tickets");
  });

  it("ticket triage: a draft the guardrail fails waits for review and resumes exactly once on approval", async () => {
    const { id, run } = await runExample("Ticket triage (example)", {
      subject: "Refund or I call my lawyer",
      body: "I want a refund for the double charge on my invoice, otherwise my lawyer will call.",
    });
    expect(run.status).toBe("waiting");
    expect(Number(run.costUsd)).toBeGreaterThan(0);
    expect(run.finishedAt).toBeNull();
    const task = await getDb().humanTask.findFirstOrThrow({ where: { runId: id } });
    await decideTask(ctx, task.id, { action: "approve" });
    await expect(decideTask(ctx, task.id, { action: "reject" })).rejects.toMatchObject({
      status: 409,
    });
    await executeRun(id);
    const resumed = (await loadRun(id))!;
    expect(resumed.status).toBe("succeeded");
    expect(typeof resumed.output).toBe("string");
    const attempts = await listAttempts(id);
    expect(attempts.filter((a) => a.nodeId === "draft" && a.status === "succeeded")).toHaveLength(
      1,
    );
  });

  it("cascade routing records which tier answered", async () => {
    const { run, nodes } = await runExample("Cascade routing (example)", {
      question: "How do I export my invoices as CSV?",
    });
    expect(run.status).toBe("succeeded");
    expect(["cheap", "strong"]).toContain((run.output as { tier: string }).tier);
    expect(nodes.get("answer")?.tier).toBeTruthy();
  });
});
