import { describe, expect, it } from "vitest";
import { expectApiError } from "@/test/api-error";
import { DEFAULT_BODY_LIMIT, readJsonBody } from "./request-body";

const URL_ = "http://localhost/api/test";

function jsonRequest(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request(URL_, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}

/**
 * A chunked body with no Content-Length, produced chunk by chunk by `chunk(i)` (null ends it).
 * Counts how many chunks the reader pulled, so a test can tell the reader stopped early.
 */
function streamingRequest(chunk: (index: number) => string | null) {
  let pulled = 0;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunk(pulled);
      if (next === null) return controller.close();
      pulled += 1;
      controller.enqueue(encoder.encode(next));
    },
  });
  const request = new Request(URL_, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: stream,
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("readJsonBody", () => {
  it("parses a valid JSON body", async () => {
    const body = { name: "flow", nodes: [1, 2, 3], nested: { ok: true } };
    expect(await readJsonBody(jsonRequest(JSON.stringify(body)))).toEqual(body);
  });

  it("accepts JSON media types with parameters and +json suffixes", async () => {
    expect(
      await readJsonBody(
        jsonRequest('{"a":1}', { "content-type": "application/json; charset=utf-8" }),
      ),
    ).toEqual({ a: 1 });
    expect(
      await readJsonBody(jsonRequest("[1]", { "content-type": "application/merge-patch+json" })),
    ).toEqual([1]);
  });

  it("uses a 1 MB default limit", () => {
    expect(DEFAULT_BODY_LIMIT).toBe(1_000_000);
  });

  it("answers 413 from a Content-Length over the limit", async () => {
    const request = jsonRequest('{"a":1}', { "content-length": String(DEFAULT_BODY_LIMIT + 1) });
    expect(request.headers.get("content-length")).toBe(String(DEFAULT_BODY_LIMIT + 1));
    const error = await expectApiError(readJsonBody(request), 413, "payload_too_large");
    expect(error.details).toEqual({ limit: DEFAULT_BODY_LIMIT });
  });

  it("answers 413 from the body size with a custom limit, even when Content-Length is absent", async () => {
    const body = JSON.stringify({ text: "x".repeat(200) });
    expect(await readJsonBody(jsonRequest(body), 1000)).toEqual({ text: "x".repeat(200) });
    await expectApiError(readJsonBody(jsonRequest(body), 100), 413, "payload_too_large");
  });

  it("answers 413 for a chunked stream without Content-Length that exceeds the limit, and stops reading", async () => {
    const { request, pulled } = streamingRequest((i) => (i < 1000 ? " ".repeat(1024) : null));
    expect(request.headers.get("content-length")).toBeNull();

    await expectApiError(readJsonBody(request, 10 * 1024), 413, "payload_too_large");
    expect(pulled()).toBeLessThan(20);
  });

  it("reads a chunked stream that stays within the limit", async () => {
    const parts = ['{"items": [', '"a", ', '"b"', "]}"];
    const { request, pulled } = streamingRequest((i) => parts[i] ?? null);
    expect(await readJsonBody(request, 100)).toEqual({ items: ["a", "b"] });
    expect(pulled()).toBe(parts.length);
  });

  it.each([
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "application/jsonp",
  ])("answers 415 for content type %s", async (type) => {
    await expectApiError(
      readJsonBody(jsonRequest('{"a":1}', { "content-type": type })),
      415,
      "unsupported_media_type",
    );
  });

  it("answers 415 when the content type is missing", async () => {
    const request = new Request(URL_, { method: "POST", body: '{"a":1}' });
    request.headers.delete("content-type");
    await expectApiError(readJsonBody(request), 415, "unsupported_media_type");
  });

  it.each([
    ["no body", null],
    ["an empty body", ""],
    ["whitespace", "  \n\t "],
  ])("answers 400 for %s", async (_label, body) => {
    const error = await expectApiError(readJsonBody(jsonRequest(body)), 400, "bad_request");
    expect(error.message).toMatch(/empty/i);
  });

  it.each(["{", "{'a': 1}", '{"a":1,}', "undefined", '{"a":1} trailing'])(
    "answers 400 for malformed JSON %j",
    async (body) => {
      const error = await expectApiError(readJsonBody(jsonRequest(body)), 400, "bad_request");
      expect(error.message).toMatch(/not valid JSON/);
    },
  );
});
