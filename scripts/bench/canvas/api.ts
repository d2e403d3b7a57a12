import type { APIRequestContext, APIResponse } from "@playwright/test";
import type { FlowGraph } from "@/lib/engine";

const ADMIN = {
  name: "Bench Admin",
  email: "bench@example.com",
  password: "canvas-bench-password",
  workspaceName: "Canvas bench",
};

async function expectOk(response: APIResponse, what: string) {
  if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
  return response.json() as Promise<unknown>;
}

/** First-run setup, then a sign-in: the request context (and its browser context) holds the session. */
export async function setUpAdmin(request: APIRequestContext): Promise<void> {
  await expectOk(await request.post("/api/setup", { data: ADMIN }), "POST /api/setup");
  const { email, password } = ADMIN;
  await expectOk(
    await request.post("/api/login", { data: { email, password } }),
    "POST /api/login",
  );
}

/** Creates a flow with `graph`; returns its id. */
export async function createFlow(
  request: APIRequestContext,
  name: string,
  graph: FlowGraph,
): Promise<string> {
  const body = (await expectOk(
    await request.post("/api/flows", { data: { name, graph } }),
    "POST /api/flows",
  )) as { flow: { id: string } };
  return body.flow.id;
}

/** The flow's draft revision and issue count (GET /api/flows/:id). */
export async function flowState(
  request: APIRequestContext,
  id: string,
): Promise<{ revision: number; issues: number }> {
  const body = (await expectOk(await request.get(`/api/flows/${id}`), "GET /api/flows/:id")) as {
    flow: { revision: number };
    issues: unknown[];
  };
  return { revision: body.flow.revision, issues: body.issues.length };
}
