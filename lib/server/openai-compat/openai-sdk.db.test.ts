import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRun } from "@/lib/db/runs";
import { setEndpointState } from "@/lib/server/endpoints/endpoints";
import { setupTestDatabase } from "@/test/database";
import { chatAndJsonEndpoints, publish, chatGraph } from "@/test/chat-endpoint";
import { testKey } from "@/test/run-api";
import { createAdminContext } from "@/test/fixtures";
import { serveRoutes } from "@/test/route-server";
import type { WorkspaceContext } from "../workspace-context";
import * as completions from "@/app/api/v1/chat/completions/route";
import * as models from "@/app/api/v1/models/route";

setupTestDatabase();

let ctx: WorkspaceContext;
let server: { url: string; close: () => Promise<void> };
let key = { secret: "", id: "" };
let askOnly = { secret: "", id: "" };
let askId = "";

/** The real OpenAI SDK pointed at the local server; no retries, so errors surface at once. */
function client(secret = key.secret): OpenAI {
  return new OpenAI({ baseURL: `${server.url}/api/v1`, apiKey: secret, maxRetries: 0 });
}

const hello = [{ role: "user" as const, content: "Hello, can you help me with my invoice?" }];

async function settledRun(runId: string) {
  for (let i = 0; i < 200; i += 1) {
    const run = await loadRun(runId);
    if (run && ["succeeded", "failed", "cancelled"].includes(run.status)) return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`run ${runId} did not settle`);
}

beforeAll(async () => {
  ctx = await createAdminContext("Acme");
  ({ askId } = await chatAndJsonEndpoints(ctx));
  key = await testKey(ctx);
  askOnly = await testKey(ctx, { endpointIds: [askId] });
  const globex = await createAdminContext("Globex");
  await publish(globex, "globex-chat", chatGraph());
  server = await serveRoutes({
    "/api/v1/chat/completions": completions,
    "/api/v1/models": models,
  });
});

afterAll(() => server.close());

describe("the OpenAI SDK against /api/v1", () => {
  it("creates a completion: the Output text as the message, the run's tokens as usage", async () => {
    const { data: completion, response } = await client()
      .chat.completions.create({ model: "support-chat", messages: hello })
      .withResponse();
    const runId = response.headers.get("x-trellis-run-id")!;
    const run = (await loadRun(runId))!;
    expect(run).toMatchObject({
      status: "succeeded",
      trigger: "endpoint",
      apiKeyId: key.id,
      input: { messages: hello },
    });
    expect(completion.id).toBe(`chatcmpl-${runId}`);
    expect(completion.object).toBe("chat.completion");
    expect(completion.model).toBe("support-chat");
    expect(completion.choices).toHaveLength(1);
    expect(completion.choices[0]!.message).toMatchObject({ role: "assistant" });
    expect(completion.choices[0]!.message.content).toBe(run.output);
    expect(completion.choices[0]!.message.content!.length).toBeGreaterThan(10);
    expect(completion.choices[0]!.finish_reason).toBe("stop");
    expect(run.tokensIn).toBeGreaterThan(0);
    expect(completion.usage).toMatchObject({
      prompt_tokens: run.tokensIn,
      completion_tokens: run.tokensOut,
      total_tokens: run.tokensIn + run.tokensOut,
    });
  });

  it("streams chunks with the tokens as they come, then usage and [DONE]", async () => {
    const { data: stream, response } = await client()
      .chat.completions.create({
        model: "support-chat",
        messages: [{ role: "system", content: "Be kind." }, ...hello],
        stream: true,
        stream_options: { include_usage: true },
      })
      .withResponse();
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    const arrivals: number[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk);
      if (chunk.choices[0]?.delta.content) arrivals.push(Date.now());
    }
    const runId = response.headers.get("x-trellis-run-id")!;
    const run = await settledRun(runId);
    expect(
      chunks.every((c) => c.object === "chat.completion.chunk" && c.id === `chatcmpl-${runId}`),
    ).toBe(true);
    expect(chunks[0]!.choices[0]!.delta.role).toBe("assistant");
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? "").join("");
    expect(text).toBe(run.output);
    expect(arrivals.length).toBeGreaterThan(5);
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThan(20);
    const finish = chunks.find((c) => c.choices[0]?.finish_reason);
    expect(finish!.choices[0]!.finish_reason).toBe("stop");
    expect(chunks.at(-1)!.choices).toEqual([]);
    expect(chunks.at(-1)!.usage).toMatchObject({
      prompt_tokens: run.tokensIn,
      completion_tokens: run.tokensOut,
    });
  });

  it("keeps the run going when the client leaves mid-stream, and records it", async () => {
    const controller = new AbortController();
    const { data: stream, response } = await client()
      .chat.completions.create(
        { model: "support-chat", messages: hello, stream: true },
        { signal: controller.signal },
      )
      .withResponse();
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) break;
    }
    controller.abort();
    const run = await settledRun(response.headers.get("x-trellis-run-id")!);
    expect(run).toMatchObject({ status: "succeeded", trigger: "endpoint", apiKeyId: key.id });
    expect(typeof run.output).toBe("string");
  });

  it("lists the chat endpoints the key may call as models", async () => {
    const all = await client().models.list();
    expect(all.data.map((m) => m.id)).toEqual(["support-chat"]);
    expect(all.data[0]).toMatchObject({ object: "model", owned_by: "trellis" });
    expect((await client(askOnly.secret).models.list()).data).toEqual([]);
  });
});

describe("errors in OpenAI's shape", () => {
  it("answers a bad key with 401: the SDK raises AuthenticationError", async () => {
    const call = client("trl_not_a_real_key_0000000000000").chat.completions.create({
      model: "support-chat",
      messages: hello,
    });
    await expect(call).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    const error = (await call.catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(error.status).toBe(401);
    expect(error.error).toMatchObject({ type: "authentication_error", code: "invalid_api_key" });
    await expect(client("nope").models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it("answers 404 model_not_found for an unknown, out-of-scope, foreign or non-chat model", async () => {
    for (const [model, secret] of [
      ["no-such-flow", key.secret],
      ["support-chat", askOnly.secret],
      ["globex-chat", key.secret],
      ["ask", key.secret],
    ] as const) {
      const error = await client(secret)
        .chat.completions.create({ model, messages: hello })
        .catch((e: unknown) => e);
      expect(error, model).toBeInstanceOf(OpenAI.NotFoundError);
      expect((error as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({
        type: "invalid_request_error",
        param: "model",
        code: "model_not_found",
      });
    }
  });

  it("answers invalid messages with 400 naming the field", async () => {
    for (const [messages, param] of [
      [[], "messages"],
      [[{ role: "wizard", content: "hi" }], "messages[0].role"],
      [
        [{ role: "user", content: [{ type: "image_url", image_url: { url: "x" } }] }],
        "messages[0].content[0]",
      ],
    ] as const) {
      const error = await client()
        .chat.completions.create({ model: "support-chat", messages: messages as never })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect((error as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({
        type: "invalid_request_error",
        param,
      });
    }
  });

  it("answers 429 with Retry-After past the key's rate limit", async () => {
    const slow = await testKey(ctx, { rateLimitPerMinute: 1 });
    await client(slow.secret).chat.completions.create({ model: "support-chat", messages: hello });
    const error = (await client(slow.secret)
      .chat.completions.create({ model: "support-chat", messages: hello })
      .catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(Number(error.headers?.get("retry-after"))).toBeGreaterThan(0);
    expect(error.error).toMatchObject({ type: "rate_limit_error", code: "rate_limit_exceeded" });
  });

  it("answers 503 with Retry-After while the endpoint is paused", async () => {
    const pausedId = await publish(ctx, "paused-chat", chatGraph());
    await setEndpointState(ctx, pausedId, "paused");
    const error = (await client()
      .chat.completions.create({ model: "paused-chat", messages: hello })
      .catch((e: unknown) => e)) as InstanceType<typeof OpenAI.APIError>;
    expect(error.status).toBe(503);
    expect(error.headers?.get("retry-after")).toBeTruthy();
    expect(error.error).toMatchObject({ type: "server_error" });
  });
});
