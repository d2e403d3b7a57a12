import { describe, expect, it } from "vitest";
import { humanReviewNode } from "./human-review.node";
import { fakePorts } from "./testing/model-fakes";
import { runSingle } from "./testing/run-single";

const draft = { reply: "Your refund is on its way." };
const review = (
  decision?: unknown,
  config: Record<string, unknown> = { instructions: "Check tone" },
) =>
  runSingle(humanReviewNode, {
    config,
    input: draft,
    ports: fakePorts(),
    decision,
    policy: { retries: 2 },
  });

describe("human-review node", () => {
  it("suspends with the instructions and the draft", async () => {
    const { result, outputs } = await review();
    expect(result.status).toBe("waiting");
    expect(result.waiting).toEqual([
      { nodeId: "n", payload: { instructions: "Check tone", draft, allowEdit: true } },
    ]);
    expect(outputs).toBeUndefined();
  });

  it("emits the draft on approved, the edit on edited, and the draft with the comment on rejected", async () => {
    expect((await review({ action: "approve", reviewer: "ana" })).outputs).toEqual({
      approved: draft,
    });
    expect((await review({ action: "edit", value: { reply: "Refund sent." } })).outputs).toEqual({
      edited: { reply: "Refund sent." },
    });
    expect((await review({ action: "reject", comment: "Wrong customer" })).outputs).toEqual({
      rejected: { draft, comment: "Wrong customer" },
    });
    expect((await review({ action: "reject" })).outputs).toEqual({
      rejected: { draft, comment: null },
    });
  });

  it("fails a decision with an unknown action without retrying", async () => {
    const { result, events } = await review({ action: "escalate" });
    expect(result.error).toMatchObject({ code: "invalid_decision", nodeId: "n" });
    expect(events.filter((e) => e.type === "node.retrying")).toHaveLength(0);
  });

  it("fails an edit without a value, a malformed decision, and an edit where edits are off", async () => {
    expect((await review({ action: "edit" })).result.error?.code).toBe("invalid_decision");
    expect((await review("approve")).result.error?.code).toBe("invalid_decision");
    expect((await review({ action: "approve", comment: 42 })).result.error?.code).toBe(
      "invalid_decision",
    );
    const locked = await review(
      { action: "edit", value: "x" },
      { instructions: "Check", allowEdit: false },
    );
    expect(locked.result.error?.code).toBe("edit_not_allowed");
    expect(
      (await review({ action: "approve" }, { instructions: "Check", allowEdit: false })).outputs,
    ).toEqual({ approved: draft });
  });
});
