import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { setupTestDatabase, testDbKind } from "@/test/database";
import { expectApiError } from "@/test/api-error";
import { createAdminContext } from "@/test/fixtures";
import { memberContext } from "@/test/governance";
import { createPrompt } from "../prompts/library";
import type { WorkspaceContext } from "../workspace-context";
import { openChangeRequest } from "./change-requests";
import { decide } from "./decisions";
import { updatePolicy } from "./policy";

setupTestDatabase();

let admin: WorkspaceContext;
let approvers: WorkspaceContext[];
let promptId: string;
let requestId: string;

beforeEach(async () => {
  admin = await createAdminContext("Race");
  approvers = await Promise.all(
    ["One", "Two", "Three"].map((n) => memberContext(admin.workspace.id, ["approver"], n)),
  );
  const prompt = await createPrompt(admin, {
    name: "raced",
    description: "",
    template: "hello",
    message: "first",
  });
  promptId = prompt.id;
  const request = await openChangeRequest(admin, {
    kind: "prompt.label",
    promptId,
    label: "production",
    versionId: prompt.latest!.id,
    description: "",
  });
  requestId = request.id;
});

const approve = (ctx: WorkspaceContext) =>
  decide(ctx, requestId, { decision: "approve", comment: "" });

/** Settles every promise: the values of those that resolved and the errors of those that rejected. */
async function settle<T>(promises: Promise<T>[]) {
  const results = await Promise.allSettled(promises);
  return {
    won: results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : [])),
    lost: results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : [])),
  };
}

const counts = async () => ({
  decisions: await getDb().approvalDecision.count({ where: { changeRequestId: requestId } }),
  moves: await getDb().promptLabelMove.count({ where: { promptId, label: "production" } }),
  applies: await getDb().auditEvent.count({
    where: { targetId: requestId, action: "change_request.apply" },
  }),
});

describe(`racing approvals on ${testDbKind}`, () => {
  it("two approvers at once with one approval required: one applies, the other gets 409", async () => {
    const { won, lost } = await settle([approve(approvers[0]!), approve(approvers[1]!)]);
    expect(won.map((d) => d.status)).toEqual(["applied"]);
    expect(lost).toHaveLength(1);
    await expectApiError(Promise.reject(lost[0]), 409, "already_decided");
    expect(await counts()).toEqual({ decisions: 1, moves: 1, applies: 1 });
  });

  it("one approver twice at once: one decision is recorded", async () => {
    await updatePolicy(admin, { requiredApprovals: 2, protectedLabels: ["production"] });
    const { won, lost } = await settle([approve(approvers[0]!), approve(approvers[0]!)]);
    expect(won.map((d) => [d.status, d.approvals])).toEqual([["open", 1]]);
    await expectApiError(Promise.reject(lost[0]), 409, "already_decided");
    expect(await counts()).toEqual({ decisions: 1, moves: 0, applies: 0 });
  });

  it("three approvers at once with two required: applied once, by the second approval", async () => {
    await updatePolicy(admin, { requiredApprovals: 2, protectedLabels: ["production"] });
    const { won, lost } = await settle(approvers.map(approve));
    expect(won).toHaveLength(2);
    await expectApiError(Promise.reject(lost[0]), 409, "already_decided");
    expect(await counts()).toEqual({ decisions: 2, moves: 1, applies: 1 });
  });
});
