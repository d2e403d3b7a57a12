import { describe, expect, it } from "vitest";
import type { PromptLabelMoveDto } from "@/lib/schemas/prompt-library";
import { rollbackTargets } from "./rollback-targets";

let seq = 0;
/** A move of production from version `from` to version `to` at minute `minute`. */
function move(
  from: number | null,
  to: number,
  minute: number,
  via: PromptLabelMoveDto["via"] = "change_request",
): PromptLabelMoveDto {
  return {
    id: `m${++seq}`,
    label: "production",
    fromVersion: from,
    fromVersionId: from === null ? null : `v${from}`,
    toVersion: to,
    toVersionId: `v${to}`,
    actorName: "Ada",
    via,
    reason: null,
    changeRequestId: null,
    createdAt: `2026-01-01T00:${String(minute).padStart(2, "0")}:00.000Z`,
  };
}

describe("rollbackTargets", () => {
  it("lists the versions the label left, newest first, without the current one or duplicates", () => {
    // v1 -> v2 -> v3 -> v1 -> v4 (newest first as the API lists them)
    const moves = [
      move(1, 4, 5),
      move(3, 1, 4, "rollback"),
      move(2, 3, 3),
      move(1, 2, 2),
      move(null, 1, 1, "direct"),
    ];
    expect(rollbackTargets(moves, "v4")).toEqual([
      { versionId: "v1", version: 1, leftAt: moves[0]!.createdAt, via: "rollback" },
      { versionId: "v3", version: 3, leftAt: moves[1]!.createdAt, via: "change_request" },
      { versionId: "v2", version: 2, leftAt: moves[2]!.createdAt, via: "change_request" },
    ]);
  });

  it("offers nothing when the label never pointed elsewhere", () => {
    expect(rollbackTargets([move(null, 1, 1, "direct")], "v1")).toEqual([]);
    expect(rollbackTargets([], "v1")).toEqual([]);
  });

  it("leaves out the version the label points at now", () => {
    expect(rollbackTargets([move(2, 1, 2, "rollback"), move(1, 2, 1)], "v1")).toEqual([
      { versionId: "v2", version: 2, leftAt: "2026-01-01T00:02:00.000Z", via: "change_request" },
    ]);
  });
});
