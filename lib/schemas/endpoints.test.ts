import { describe, expect, it } from "vitest";
import { createApiKeySchema, updateApiKeySchema } from "./api-keys";
import { runEndpointSchema } from "./endpoint-runs";
import { endpointSlugSchema, publishEndpointSchema } from "./endpoints";

describe("endpoint slug", () => {
  it.each(["a", "ticket-triage", "v2", "0-x", "a".repeat(63)])("accepts %s", (slug) => {
    expect(endpointSlugSchema.safeParse(slug).success).toBe(true);
  });
  it.each(["", "-a", "Ticket", "a_b", "a/b", "a".repeat(64), "é"])("refuses %j", (slug) => {
    expect(endpointSlugSchema.safeParse(slug).success).toBe(false);
  });
  it("publish needs a slug and a version", () => {
    expect(publishEndpointSchema.safeParse({ slug: "x" }).success).toBe(false);
    expect(
      publishEndpointSchema.safeParse({ slug: "x", flowVersionId: "v", extra: 1 }).success,
    ).toBe(false);
  });
});

describe("API key scope", () => {
  it("needs all endpoints or at least one", () => {
    expect(createApiKeySchema.safeParse({ name: "ci" }).success).toBe(false);
    expect(createApiKeySchema.parse({ name: "ci", allEndpoints: true })).toEqual({
      name: "ci",
      allEndpoints: true,
      endpointIds: [],
      rateLimitPerMinute: 120,
    });
    expect(createApiKeySchema.safeParse({ name: "ci", endpointIds: ["e1"] }).success).toBe(true);
    expect(createApiKeySchema.safeParse({ name: "ci", endpointIds: ["e1", "e1"] }).success).toBe(
      false,
    );
    expect(createApiKeySchema.safeParse({ name: " ", allEndpoints: true }).success).toBe(false);
  });
  it("a rescope sends both fields", () => {
    expect(updateApiKeySchema.safeParse({ name: "x" }).success).toBe(true);
    expect(updateApiKeySchema.safeParse({ endpointIds: ["e1"] }).success).toBe(false);
    expect(updateApiKeySchema.safeParse({ allEndpoints: false, endpointIds: [] }).success).toBe(
      false,
    );
    expect(updateApiKeySchema.safeParse({ allEndpoints: true }).success).toBe(true);
  });
});

describe("run API body", () => {
  it("defaults to sync and takes waitMs only in sync mode", () => {
    expect(runEndpointSchema.parse({ input: { a: 1 } })).toEqual({ input: { a: 1 }, mode: "sync" });
    expect(runEndpointSchema.safeParse({ mode: "async", waitMs: 10 }).success).toBe(false);
    expect(runEndpointSchema.safeParse({ mode: "sync", waitMs: 60_001 }).success).toBe(false);
  });
  it("takes http(s) callback URLs only", () => {
    const ok = runEndpointSchema.safeParse({ mode: "async", callbackUrl: "https://x.test/cb" });
    expect(ok.success).toBe(true);
    const bad = runEndpointSchema.safeParse({ mode: "async", callbackUrl: "file:///etc/passwd" });
    expect(bad.success).toBe(false);
  });
});
