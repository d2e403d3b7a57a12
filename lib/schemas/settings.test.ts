import { describe, expect, it } from "vitest";
import {
  createConnectionSchema,
  createSecretSchema,
  updateConnectionSchema,
  updateSecretSchema,
} from "./settings";

const validConnection = { name: "openai-prod", apiKey: "sk-test" };

function issuePaths(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[] }[] };
}): string[] {
  return (result.error?.issues ?? []).map((issue) => issue.path.map(String).join("."));
}

describe("createConnectionSchema", () => {
  it("applies defaults and de-duplicates models", () => {
    expect(
      createConnectionSchema.parse({
        ...validConnection,
        models: ["gpt-4o", " gpt-4o ", "gpt-4o-mini"],
      }),
    ).toEqual({
      ...validConnection,
      models: ["gpt-4o", "gpt-4o-mini"],
      maxConcurrent: 4,
      requestsPerMinute: 60,
    });
  });

  it.each(["http://localhost:11434/v1", "https://api.openai.com/v1", "HTTPS://example.com"])(
    "accepts base URL %s",
    (baseUrl) => {
      expect(createConnectionSchema.safeParse({ ...validConnection, baseUrl }).success).toBe(true);
    },
  );

  it.each([
    "file:///etc/passwd",
    "javascript:alert(1)",
    "ftp://example.com/models",
    "data:text/plain,hi",
    "gopher://localhost:6379/_FLUSHALL",
    "not a url",
    "//example.com/v1",
  ])("rejects base URL %s", (baseUrl) => {
    expect(issuePaths(createConnectionSchema.safeParse({ ...validConnection, baseUrl }))).toEqual([
      "baseUrl",
    ]);
  });

  it("rejects non-http(s) base URLs on update too, but allows clearing it", () => {
    expect(issuePaths(updateConnectionSchema.safeParse({ baseUrl: "file:///etc/passwd" }))).toEqual(
      ["baseUrl"],
    );
    expect(updateConnectionSchema.parse({ baseUrl: null })).toEqual({ baseUrl: null });
  });

  it.each(["openai", "local-llm_2", "a", "x".repeat(40)])("accepts connection name %j", (name) => {
    expect(createConnectionSchema.safeParse({ ...validConnection, name }).success).toBe(true);
  });

  it.each([
    "OpenAI",
    "my connection",
    "-leading",
    "_leading",
    "a/b",
    "../etc",
    "name;drop",
    "x".repeat(41),
    "",
  ])("rejects connection name %j", (name) => {
    expect(issuePaths(createConnectionSchema.safeParse({ ...validConnection, name }))).toEqual([
      "name",
    ]);
  });

  it("requires a key and bounds the limits", () => {
    expect(issuePaths(createConnectionSchema.safeParse({ name: "x", apiKey: "" }))).toEqual([
      "apiKey",
    ]);
    expect(
      issuePaths(createConnectionSchema.safeParse({ ...validConnection, maxConcurrent: 0 })),
    ).toEqual(["maxConcurrent"]);
    expect(
      issuePaths(createConnectionSchema.safeParse({ ...validConnection, requestsPerMinute: 1.5 })),
    ).toEqual(["requestsPerMinute"]);
  });

  it("refuses unknown keys, including builtIn and provider", () => {
    for (const extra of [
      { builtIn: true },
      { provider: "simulated" },
      { encryptedApiKey: "v1.x" },
    ]) {
      const result = createConnectionSchema.safeParse({ ...validConnection, ...extra });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.code).toBe("unrecognized_keys");
    }
    expect(updateConnectionSchema.safeParse({ name: "renamed" }).success).toBe(false);
  });
});

describe("secret schemas", () => {
  it.each(["OPENAI_KEY", "_private", "a", "Slack_Webhook_2", "A".repeat(64)])(
    "accepts secret name %j",
    (name) => {
      expect(createSecretSchema.safeParse({ name, value: "v" }).success).toBe(true);
    },
  );

  it.each(["1KEY", "with-dash", "with space", "dot.name", "ünïcode", "$HOME", "A".repeat(65), ""])(
    "rejects secret name %j",
    (name) => {
      expect(issuePaths(createSecretSchema.safeParse({ name, value: "v" }))).toEqual(["name"]);
    },
  );

  it("trims the name, requires a value and refuses unknown keys", () => {
    expect(createSecretSchema.parse({ name: "  TOKEN ", value: " keep spaces " })).toEqual({
      name: "TOKEN",
      value: " keep spaces ",
    });
    expect(issuePaths(createSecretSchema.safeParse({ name: "TOKEN", value: "" }))).toEqual([
      "value",
    ]);
    expect(updateSecretSchema.safeParse({ value: "v", name: "OTHER" }).success).toBe(false);
  });
});
