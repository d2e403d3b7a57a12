import type { FlowGraph } from "@/lib/engine";
import { BENCH_SIMULATED_KNOBS } from "@/lib/server/bench/peer-call";
import { MAX_RATE_LIMIT_PER_MINUTE } from "@/lib/schemas/api-keys";
import { flowEdge, flowNode } from "../flows";
import type { LoadRequest } from "./load";

const ADMIN = {
  name: "Bench Admin",
  email: "bench@example.com",
  password: "endpoint-bench-password",
  workspaceName: "Endpoint bench",
};

/** The endpoint slug the benchmark publishes. */
export const BENCH_SLUG = "bench-ask";

/** The request body sent to both ours and the peer. */
export const BENCH_BODY = { input: { question: "Where is my parcel?" }, mode: "sync" } as const;

/** Input (requires a string `question`) -> LLM on the Simulated model, 50 ms, no token delay -> Output. */
export function benchGraph(): FlowGraph {
  const schema = {
    type: "object",
    required: ["question"],
    properties: { question: { type: "string", minLength: 1 } },
  };
  return {
    nodes: [
      flowNode("in", "input", { schema }),
      flowNode("ask", "llm", {
        prompt: { kind: "inline", template: "Answer: {{question}}" },
        model: { connection: "simulated", model: "sim-small" },
        parameters: { simulated: BENCH_SIMULATED_KNOBS },
      }),
      flowNode("out", "output"),
    ],
    edges: [flowEdge("in", "ask"), flowEdge("ask", "out")],
  };
}

/** A tiny JSON client of the app that keeps the session cookie. */
class AppClient {
  private cookie = "";

  constructor(readonly baseUrl: string) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { "content-type": "application/json", cookie: this.cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
    if (cookies.length > 0) this.cookie = cookies.join("; ");
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
}

/** What the benchmark calls: the run API URL with its key, and the peer's URL. */
export interface BenchTargets {
  oursUrl: string;
  peerUrl: string;
  apiKey: string;
}

/**
 * Through the app's own API: first admin, the 3-node flow saved as a version, published under
 * BENCH_SLUG, and an API key scoped to that endpoint at the highest rate limit the schema allows.
 */
export async function publishBenchEndpoint(baseUrl: string): Promise<BenchTargets> {
  const app = new AppClient(baseUrl);
  await app.call("POST", "/api/setup", ADMIN);
  await app.call("POST", "/api/login", { email: ADMIN.email, password: ADMIN.password });
  const { flow } = await app.call<{ flow: { id: string; revision: number } }>(
    "POST",
    "/api/flows",
    { name: "Endpoint bench", graph: benchGraph() },
  );
  const { version } = await app.call<{ version: { id: string } }>(
    "POST",
    `/api/flows/${flow.id}/versions`,
    { message: "bench", revision: flow.revision },
  );
  const { endpoint } = await app.call<{ endpoint: { id: string; runPath: string } }>(
    "POST",
    "/api/endpoints",
    { slug: BENCH_SLUG, flowVersionId: version.id },
  );
  const { secret } = await app.call<{ secret: string }>("POST", "/api/api-keys", {
    name: "bench",
    endpointIds: [endpoint.id],
    rateLimitPerMinute: MAX_RATE_LIMIT_PER_MINUTE,
  });
  return {
    oursUrl: `${baseUrl}${endpoint.runPath}`,
    peerUrl: `${baseUrl}/api/bench/peer`,
    apiKey: secret,
  };
}

/** The two targets as load requests: the same body and headers, only the URL differs. */
export function benchRequests(targets: BenchTargets): Record<"ours" | "peer", LoadRequest> {
  const headers = { authorization: `Bearer ${targets.apiKey}` };
  return {
    ours: { url: targets.oursUrl, body: BENCH_BODY, headers },
    peer: { url: targets.peerUrl, body: BENCH_BODY, headers },
  };
}

/** One call of each before measuring: both answer 200, and ours with a succeeded run. */
export async function checkTargets(targets: BenchTargets): Promise<void> {
  for (const [name, request] of Object.entries(benchRequests(targets))) {
    const response = await fetch(request.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...request.headers },
      body: JSON.stringify(request.body),
    });
    const text = await response.text();
    const run = name === "ours" ? (JSON.parse(text) as { run?: { status?: string } }).run : null;
    if (response.status !== 200 || (run && run.status !== "succeeded"))
      throw new Error(`${name} (${request.url}): ${response.status} ${text}`);
  }
}
