import { describe, expect, it } from "vitest";
import { chatGraph } from "@/test/chat-endpoint";
import { askGraph } from "@/test/endpoints";
import { testEdge, testNode } from "@/test/graph";
import { ApiError, errors } from "../errors";
import { openAiErrorBody, openAiParam } from "./errors";
import { runOutcomeError } from "./outcome";
import { chatCompletionRequestSchema } from "./schemas";
import { liveReplyNode } from "./stream";

describe("chat completion requests", () => {
  it("turns OpenAI messages into the chat input's", () => {
    const parsed = chatCompletionRequestSchema.parse({
      model: "support",
      messages: [
        { role: "developer", content: "Be brief." },
        {
          role: "user",
          content: [
            { type: "text", text: "Hi " },
            { type: "text", text: "there" },
          ],
        },
        { role: "assistant", content: null, refusal: null },
      ],
      temperature: 0.2,
      n: 1,
    });
    expect(parsed).toEqual({
      model: "support",
      n: 1,
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Hi there" },
        { role: "assistant", content: "" },
      ],
    });
  });

  it("refuses no messages, unknown roles, non-text parts and several choices", () => {
    const bad = (body: object) =>
      chatCompletionRequestSchema.safeParse({
        model: "m",
        messages: [{ role: "user", content: "x" }],
        ...body,
      }).success;
    expect(bad({ messages: [] })).toBe(false);
    expect(bad({ messages: [{ role: "function", content: "x" }] })).toBe(false);
    expect(bad({ messages: [{ role: "user", content: [{ type: "image_url" }] }] })).toBe(false);
    expect(bad({ n: 2 })).toBe(false);
    expect(bad({ model: "" })).toBe(false);
    expect(bad({})).toBe(true);
  });
});

describe("OpenAI error shape", () => {
  it("names fields the way OpenAI does", () => {
    expect(openAiParam("messages.0.content")).toBe("messages[0].content");
    expect(openAiParam("/messages/2/role")).toBe("messages[2].role");
    expect(openAiParam("(root)")).toBeNull();
    expect(openAiParam("")).toBeNull();
  });

  it("maps statuses to OpenAI's types and codes", () => {
    expect(openAiErrorBody(errors.unauthorized("No key")).error).toEqual({
      message: "No key",
      type: "authentication_error",
      param: null,
      code: "invalid_api_key",
    });
    expect(openAiErrorBody(errors.rateLimited(3)).error).toMatchObject({
      type: "rate_limit_error",
      code: "rate_limit_exceeded",
    });
    const invalid = new ApiError(400, "validation_failed", "Bad", {
      issues: [{ path: "/messages/0/content", message: "must be string" }],
    });
    expect(openAiErrorBody(invalid).error).toMatchObject({
      type: "invalid_request_error",
      param: "messages[0].content",
      code: "invalid_value",
    });
    expect(openAiErrorBody(errors.unavailable("Paused", 30)).error.type).toBe("server_error");
  });

  it("explains a run that gives no completion", () => {
    const run = {
      id: "r1",
      statusUrl: "/api/v1/runs/r1",
      error: { message: "Model down" },
    } as Parameters<typeof runOutcomeError>[0];
    expect(runOutcomeError({ ...run, status: "succeeded" })).toBeNull();
    const failed = runOutcomeError({ ...run, status: "failed" })!;
    expect([failed.status, openAiErrorBody(failed).error.code]).toEqual([500, "run_failed"]);
    expect(failed.message).toContain("Model down");
    const waiting = runOutcomeError({ ...run, status: "waiting" })!;
    expect([waiting.status, openAiErrorBody(waiting).error.code]).toEqual([504, "run_pending"]);
    expect(waiting.message).toContain("/api/v1/runs/r1");
  });
});

describe("live reply node", () => {
  it("follows the text answer that feeds the only Output node as it is", () => {
    expect(liveReplyNode(chatGraph())).toBe("reply");
    expect(liveReplyNode(askGraph())).toBe("ask");
  });

  it("follows none when the Output picks a field or is not alone; never the LLM before a template", () => {
    const picked = chatGraph();
    picked.nodes[2] = testNode("out", "output", { pick: "text" });
    expect(liveReplyNode(picked)).toBeNull();
    const templated = chatGraph();
    templated.nodes.push(testNode("wrap", "template", { template: "Answer: {{ value }}" }));
    templated.edges = [testEdge("in", "reply"), testEdge("reply", "wrap"), testEdge("wrap", "out")];
    // A template's text is the reply, and it streams no tokens: the reply comes whole at the end.
    expect(liveReplyNode(templated)).toBe("wrap");
    const twice = chatGraph();
    twice.nodes.push(testNode("out2", "output"));
    twice.edges.push(testEdge("reply", "out2"));
    expect(liveReplyNode(twice)).toBeNull();
  });
});
