import { describe, expect, it } from "vitest";
import { cacheKey, canonicalJson } from "./cache";

const base = {
  connection: "conn-1",
  model: "gpt-4o-mini",
  messages: [{ role: "user" as const, content: "hi" }],
  parameters: { temperature: 0.2, maxTokens: 100 },
  jsonSchema: { type: "object", properties: { a: { type: "string" } } },
};

describe("cache key", () => {
  it("writes objects with sorted keys at every level and drops undefined fields", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: undefined }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"f":2}]},"b":1}',
    );
  });

  it("is the same for the same call whatever the key order", () => {
    const reordered = {
      jsonSchema: { properties: { a: { type: "string" } }, type: "object" },
      parameters: { maxTokens: 100, temperature: 0.2 },
      messages: [{ content: "hi", role: "user" as const }],
      model: "gpt-4o-mini",
      connection: "conn-1",
    };
    expect(cacheKey(reordered)).toBe(cacheKey(base));
    expect(cacheKey(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("differs when any part of the call differs", () => {
    const variants = [
      { ...base, connection: "conn-2" },
      { ...base, model: "gpt-4o" },
      { ...base, messages: [{ role: "user" as const, content: "hi!" }] },
      { ...base, parameters: { temperature: 0.3, maxTokens: 100 } },
      { ...base, jsonSchema: undefined },
    ];
    const keys = new Set([cacheKey(base), ...variants.map(cacheKey)]);
    expect(keys.size).toBe(variants.length + 1);
  });
});
