import { describe, expect, it } from "vitest";
import { executionMode } from "./mode";

const pg = "postgresql://root@127.0.0.1:5432/trellis";
const redis = "redis://127.0.0.1:6379";

describe("executionMode", () => {
  it("switches queue mode on with REDIS_URL, and TRELLIS_EXECUTION overrides it", () => {
    expect(executionMode({})).toBe("inline");
    expect(executionMode({ DATABASE_URL: pg })).toBe("inline");
    expect(executionMode({ DATABASE_URL: pg, REDIS_URL: redis })).toBe("queue");
    expect(executionMode({ DATABASE_URL: pg, REDIS_URL: redis, TRELLIS_EXECUTION: "inline" })).toBe(
      "inline",
    );
    expect(executionMode({ REDIS_URL: redis, TRELLIS_EXECUTION: "inline" })).toBe("inline");
  });

  it("refuses queue mode on the embedded database and without Redis, saying what to change", () => {
    expect(() => executionMode({ REDIS_URL: redis })).toThrow(/needs PostgreSQL: set DATABASE_URL/);
    expect(() => executionMode({ DATABASE_URL: pg, TRELLIS_EXECUTION: "queue" })).toThrow(
      /set REDIS_URL/,
    );
    expect(() => executionMode({ TRELLIS_EXECUTION: "workers" })).toThrow(/"inline" or "queue"/);
  });
});
