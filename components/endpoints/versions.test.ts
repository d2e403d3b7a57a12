import { describe, expect, it } from "vitest";
import type { FlowVersionSummaryDto } from "@/lib/schemas/flows";
import { defaultRepointTarget } from "./versions";

const version = (n: number): FlowVersionSummaryDto => ({
  id: `v${n}`,
  version: n,
  message: "",
  authorId: null,
  authorName: null,
  createdAt: "2026-01-01T00:00:00Z",
});
const newestFirst = [version(4), version(3), version(2), version(1)];

describe("defaultRepointTarget", () => {
  it("proposes the version just before the live one (one-step rollback)", () => {
    expect(defaultRepointTarget(newestFirst, "v3")).toBe("v2");
  });

  it("proposes the newest other version when the live one is the first", () => {
    expect(defaultRepointTarget(newestFirst, "v1")).toBe("v4");
  });

  it("proposes nothing when the live version is the only one", () => {
    expect(defaultRepointTarget([version(1)], "v1")).toBeNull();
  });
});
