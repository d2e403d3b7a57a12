import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import type { FlowGraph } from "@/lib/engine";
import type { EndpointRunDto } from "@/lib/schemas/endpoint-runs";
import { askGraph } from "@/test/endpoints";
import { testEdge, testLlm, testNode } from "@/test/graph";
import { openApiDocument, type EndpointContract, type OpenApiDocument } from "./document";
import { flowOutputSchema } from "./flow-schemas";

const chatGraph: FlowGraph = {
  nodes: [
    testNode("in", "input", { mode: "chat" }),
    testLlm("reply", "{{text}}"),
    testNode("out", "output"),
  ],
  edges: [testEdge("in", "reply", "messages"), testEdge("reply", "out")],
};

function structuredGraph(pick?: string): FlowGraph {
  const llm = testLlm("extract", "Extract: {{text}}");
  const schema = {
    type: "object",
    required: ["answer"],
    properties: {
      answer: { type: "string" },
      tags: { type: "array", items: { $ref: "#/$defs/tag" } },
    },
    $defs: { tag: { type: "string", minLength: 1 } },
  };
  return {
    nodes: [
      testNode("in", "input"),
      { ...llm, config: { ...llm.config, jsonSchema: schema } },
      testNode("out", "output", pick ? { pick } : {}),
    ],
    edges: [testEdge("in", "extract"), testEdge("extract", "out")],
  };
}

const endpoints: EndpointContract[] = [
  { slug: "ask", status: "active", flowName: "Ask", version: 3, graph: askGraph() },
  { slug: "support-chat", status: "paused", flowName: "Support", version: 1, graph: chatGraph },
  { slug: "extract", status: "active", flowName: "Extract", version: 2, graph: structuredGraph() },
];

function build(list = endpoints): OpenApiDocument {
  return openApiDocument(list, { title: "Acme endpoints", version: "1" }, "http://localhost:3000");
}

/** Ajv over the whole document, so `#/components/...` references resolve as a client's would. */
function schemaValidator(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, "doc");
  return (name: string, value: unknown) => {
    const validate = ajv.compile({ $ref: `doc#/components/schemas/${name}` });
    return validate(value) ? [] : validate.errors!;
  };
}

const run: EndpointRunDto = {
  id: "run_1",
  status: "succeeded",
  endpoint: "extract",
  flowVersionId: "v2",
  output: { answer: "yes", tags: ["a"] },
  error: null,
  usage: { tokensIn: 10, tokensOut: 4, tokensCached: 0 },
  costUsd: "0.00001",
  latencyMs: 12,
  createdAt: "2026-01-01T00:00:00.000Z",
  finishedAt: "2026-01-01T00:00:01.000Z",
  statusUrl: "/api/v1/runs/run_1",
};

describe("endpoint OpenAPI documents", () => {
  it("is a valid OpenAPI 3.1 document whose references all resolve", async () => {
    for (const doc of [build(), build([endpoints[0]!]), build([])]) {
      const validator = new Validator();
      const result = await validator.validate(doc);
      expect(result.errors).toBeUndefined();
      expect(result.valid).toBe(true);
      expect(validator.version).toBe("3.1");
      expect(() => validator.resolveRefs()).not.toThrow();
    }
  });

  it("has one run operation per endpoint, the runs API and bearer security", () => {
    const doc = build();
    expect(Object.keys(doc.paths as object)).toEqual([
      "/api/v1/flows/ask/run",
      "/api/v1/flows/extract/run",
      "/api/v1/flows/support-chat/run",
      "/api/v1/runs/{id}",
    ]);
    expect(doc.security).toEqual([{ apiKey: [] }]);
    const post = (doc.paths as Record<string, { post: Record<string, unknown> }>)[
      "/api/v1/flows/support-chat/run"
    ]!.post;
    expect(post.operationId).toBe("run_support_chat");
    expect(post.description).toContain("paused");
    expect(Object.keys(post.responses as object)).toEqual(
      expect.arrayContaining([
        "200",
        "202",
        "400",
        "401",
        "403",
        "404",
        "409",
        "413",
        "429",
        "503",
      ]),
    );
    const responses = (doc.components as { responses: Record<string, { headers?: object }> })
      .responses;
    expect(responses.RateLimited!.headers).toHaveProperty("Retry-After");
    expect(responses.Unavailable!.headers).toHaveProperty("Retry-After");
  });

  it("describes the request body from the Input node and the run output from the Output node", () => {
    const check = schemaValidator(build());
    expect(check("ask.RunRequest", { input: { question: "Why?" }, mode: "async" })).toEqual([]);
    expect(check("ask.RunRequest", { input: {} })).not.toEqual([]);
    expect(check("ask.RunRequest", { input: { question: "x" }, mode: "later" })).not.toEqual([]);
    expect(check("ask.RunRequest", { input: { question: "x" }, extra: 1 })).not.toEqual([]);
    expect(check("support-chat.Input", { messages: [{ role: "user", content: "Hi" }] })).toEqual(
      [],
    );
    expect(check("support-chat.Input", { messages: [] })).not.toEqual([]);
    expect(check("ask.Run", { ...run, endpoint: "ask", output: "An answer" })).toEqual([]);
    expect(check("ask.Run", { ...run, output: 42 })).not.toEqual([]);
    expect(check("extract.Run", run)).toEqual([]);
    expect(check("extract.Run", { ...run, output: null, status: "running" })).toEqual([]);
    expect(check("extract.Run", { ...run, output: { tags: ["a"] } })).not.toEqual([]);
    expect(check("extract.Run", { ...run, output: { answer: "y", tags: [""] } })).not.toEqual([]);
    expect(
      check("Error", { error: { code: "unauthorized", message: "No", details: null } }),
    ).toEqual([]);
  });
});

describe("flow output schemas", () => {
  it("follows the pick into a structured output; a part that refers to the whole is unknown", () => {
    expect(flowOutputSchema(structuredGraph("answer"))).toEqual({
      anyOf: [{ type: "string" }, { type: "null" }],
    });
    expect(flowOutputSchema(structuredGraph("tags"))).toEqual({});
    expect(flowOutputSchema(structuredGraph("nope"))).toEqual({});
  });

  it("gives several Output nodes an object by label", () => {
    const graph: FlowGraph = {
      nodes: [
        testNode("in", "input"),
        testLlm("a", "{{x}}"),
        testNode("first", "output"),
        testNode("second", "output", {}, { label: "Raw input" }),
      ],
      edges: [testEdge("in", "a"), testEdge("a", "first"), testEdge("in", "second")],
    };
    expect(flowOutputSchema(graph)).toEqual({
      type: "object",
      properties: { first: { type: "string" }, "Raw input": {} },
    });
  });
});
