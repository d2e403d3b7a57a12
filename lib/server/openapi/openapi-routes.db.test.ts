import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { session } from "@/test/session";
import { setEndpointState } from "@/lib/server/endpoints/endpoints";
import { runEndpoint } from "@/lib/server/endpoint-runs/respond";
import { authenticateApiKey } from "@/lib/server/api-keys/authenticate";
import { errorResponse, type ApiError } from "@/lib/server/errors";
import { setupTestDatabase } from "@/test/database";
import { chatAndJsonEndpoints, chatGraph, publish } from "@/test/chat-endpoint";
import { testKey } from "@/test/run-api";
import { createAdminContext } from "@/test/fixtures";
import { serveRoutes } from "@/test/route-server";
import type { WorkspaceContext } from "../workspace-context";
import * as combined from "@/app/api/v1/openapi.json/route";
import * as single from "@/app/api/v1/flows/[slug]/openapi.json/route";

setupTestDatabase();

let ctx: WorkspaceContext;
let server: { url: string; close: () => Promise<void> };
let allKey = "";
let askOnly = "";
let foreignKey = "";

type Doc = { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };

async function get(path: string, secret?: string): Promise<{ status: number; body: Doc }> {
  const response = await fetch(`${server.url}${path}`, {
    headers: secret ? { authorization: `Bearer ${secret}` } : {},
  });
  return { status: response.status, body: (await response.json()) as Doc };
}

beforeAll(async () => {
  ctx = await createAdminContext("Acme");
  const { askId } = await chatAndJsonEndpoints(ctx);
  await setEndpointState(ctx, await publish(ctx, "paused-chat", chatGraph()), "paused");
  allKey = (await testKey(ctx)).secret;
  askOnly = (await testKey(ctx, { endpointIds: [askId] })).secret;
  const globex = await createAdminContext("Globex");
  await publish(globex, "globex-chat", chatGraph());
  foreignKey = (await testKey(globex)).secret;
  server = await serveRoutes({
    "/api/v1/openapi.json": combined,
    "/api/v1/flows/[slug]/openapi.json": single,
  });
});

afterAll(() => server.close());

describe("GET /api/v1/openapi.json", () => {
  it("lists the endpoints a key may call, with the OpenAI-compatible API, as valid OpenAPI 3.1", async () => {
    const { status, body } = await get("/api/v1/openapi.json", allKey);
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual([
      "/api/v1/flows/ask/run",
      "/api/v1/flows/paused-chat/run",
      "/api/v1/flows/support-chat/run",
      "/api/v1/runs/{id}",
      "/api/v1/chat/completions",
      "/api/v1/models",
    ]);
    const chat = body.paths["/api/v1/chat/completions"] as {
      post: {
        requestBody: {
          content: {
            "application/json": { schema: { properties: { model: { enum: string[] } } } };
          };
        };
      };
    };
    expect(chat.post.requestBody.content["application/json"].schema.properties.model.enum).toEqual([
      "paused-chat",
      "support-chat",
    ]);
    const validator = new Validator();
    expect(await validator.validate(body)).toEqual({ valid: true });
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it("shows a scoped key only its endpoints, and another workspace's key none of these", async () => {
    expect(Object.keys((await get("/api/v1/openapi.json", askOnly)).body.paths)).toEqual([
      "/api/v1/flows/ask/run",
      "/api/v1/runs/{id}",
    ]);
    const foreign = Object.keys((await get("/api/v1/openapi.json", foreignKey)).body.paths);
    expect(foreign).toContain("/api/v1/flows/globex-chat/run");
    expect(foreign).not.toContain("/api/v1/flows/ask/run");
  });

  it("shows a signed-in member every endpoint of the workspace; nobody else gets in", async () => {
    session.ctx = ctx;
    const mine = await get("/api/v1/openapi.json");
    expect(Object.keys(mine.body.paths)).toContain("/api/v1/flows/paused-chat/run");
    expect(Object.keys(mine.body.paths)).not.toContain("/api/v1/flows/globex-chat/run");
    session.ctx = null;
    expect((await get("/api/v1/openapi.json")).status).toBe(401);
    expect((await get("/api/v1/openapi.json", "trl_not_a_real_key_0000000000000")).status).toBe(
      401,
    );
  });
});

describe("GET /api/v1/flows/{slug}/openapi.json", () => {
  it("documents one endpoint for a key that may call it; 404 otherwise", async () => {
    const { status, body } = await get("/api/v1/flows/ask/openapi.json", askOnly);
    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual(["/api/v1/flows/ask/run", "/api/v1/runs/{id}"]);
    expect(await new Validator().validate(body)).toEqual({ valid: true });
    expect((await get("/api/v1/flows/support-chat/openapi.json", askOnly)).status).toBe(404);
    expect((await get("/api/v1/flows/ask/openapi.json", foreignKey)).status).toBe(404);
    expect((await get("/api/v1/flows/nope/openapi.json", allKey)).status).toBe(404);
    expect((await get("/api/v1/flows/NOPE/openapi.json", allKey)).status).toBe(400);
  });

  it("describes what the run API really answers", async () => {
    const { body } = await get("/api/v1/flows/ask/openapi.json", allKey);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(body, "doc");
    const schema = (name: string) => ajv.compile({ $ref: `doc#/components/schemas/${name}` });
    const caller = await authenticateApiKey(
      new Request("http://x", { headers: { authorization: `Bearer ${allKey}` } }),
    );
    const call = (payload: unknown) =>
      runEndpoint(
        caller,
        "ask",
        new Request("http://x/api/v1/flows/ask/run", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(payload),
        }),
      );
    const requestBody = { input: { question: "Where is my parcel?" }, mode: "sync" };
    expect(schema("ask.RunRequest")(requestBody)).toBe(true);
    const ok = await call(requestBody);
    expect(ok.status).toBe(200);
    const { run } = (await ok.json()) as { run: unknown };
    const validateRun = schema("ask.Run");
    expect(validateRun(run), JSON.stringify(validateRun.errors)).toBe(true);
    expect(schema("ask.RunRequest")({ input: {} })).toBe(false);
    const refused = await call({ input: {} }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ status: 400, code: "validation_failed" });
    const errorBody: unknown = await errorResponse(refused as ApiError).json();
    expect(schema("Error")(errorBody)).toBe(true);
  });
});
