import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { ChangeRequestDetailDto } from "@/lib/schemas/change-requests";
import { setupTestDatabase, testDbKind } from "@/test/database";
import { auditEventsOf } from "@/test/fixtures";
import { callRoute } from "@/test/governance";
import { as, governedPrompt, type GovernedPrompt } from "@/test/governed-prompt";
import * as requests from "@/app/api/change-requests/route";
import * as request from "@/app/api/change-requests/[id]/route";
import * as policy from "@/app/api/workspaces/active/approval-policy/route";

setupTestDatabase();

let g: GovernedPrompt;
beforeEach(async () => {
  g = await governedPrompt();
});

describe(`deciding change requests on ${testDbKind}`, () => {
  it("applies the label move when an approver approves, in the same step", async () => {
    const opened = await g.openRequest(g.v1);
    expect(opened).toMatchObject({
      kind: "prompt.label",
      status: "open",
      title: "Move production of reply to version 1",
      author: { id: g.editor.user.id, name: "Eve Editor" },
      approvals: 0,
      requiredApprovals: 1,
      target: { promptName: "reply", label: "production", version: 1, fromVersion: null },
      canDecide: {
        allowed: false,
        reason: "You opened this change request; another approver must decide it.",
      },
      canManage: { allowed: true, reason: null },
      diff: null,
    });

    as(g.approver);
    const detail = await callRoute<ChangeRequestDetailDto>(request.GET, {
      params: { id: opened.id },
    });
    expect(detail.body.canDecide).toEqual({ allowed: true, reason: null });
    const approved = await g.decide(opened.id, "approve", "looks good");
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: "applied", approvals: 1 });
    expect(approved.body.decisions).toMatchObject([
      {
        approver: { name: "Alan Approver" },
        decision: "approve",
        comment: "looks good",
        invalidatedAt: null,
      },
    ]);
    expect(await g.production()).toBe(1);

    const move = await getDb().promptLabelMove.findFirstOrThrow({
      where: { promptId: g.promptId, label: "production" },
    });
    expect(move).toMatchObject({
      via: "change_request",
      changeRequestId: opened.id,
      actorId: g.approver.user.id,
      toVersionId: g.v1,
    });

    const second = await g.openRequest(g.v2);
    expect(second.diff!.template).toEqual([
      { kind: "removed", text: "v1 {{ input }}" },
      { kind: "added", text: "v2 {{ input }}" },
    ]);
    expect(second.target).toMatchObject({ version: 2, fromVersion: 1 });
    as(g.approver);
    await g.decide(second.id, "approve");
    expect(await g.production()).toBe(2);

    const actions = (await auditEventsOf(g.admin.workspace.id))
      .filter(
        (e) =>
          e.targetId === opened.id ||
          (e.targetId === g.promptId && e.action === "prompt.label.move"),
      )
      .map((e) => e.action);
    expect(actions).toEqual([
      "change_request.create",
      "change_request.approve",
      "change_request.apply",
      "prompt.label.move",
      "prompt.label.move",
    ]);
  });
  it("refuses self-approval with a 403 that says why, admins included", async () => {
    const opened = await g.openRequest(g.v1);
    as(g.editor);
    const byEditor = await g.decide(opened.id, "approve");
    expect(byEditor.status).toBe(403);
    expect(byEditor.body.error!.code).toBe("forbidden");

    as(g.admin);
    const own = await callRoute<ChangeRequestDetailDto>(requests.POST, {
      method: "POST",
      body: { kind: "prompt.label", promptId: g.promptId, label: "production", versionId: g.v2 },
    });
    const byAuthorAdmin = await g.decide(own.body.id, "approve");
    expect(byAuthorAdmin.status).toBe(403);
    expect(byAuthorAdmin.body.error).toMatchObject({
      code: "self_approval",
      message: "You opened this change request; another approver must decide it.",
    });
    expect(await getDb().approvalDecision.count({ where: { changeRequestId: own.body.id } })).toBe(
      0,
    );

    as(g.approver);
    expect((await g.decide(own.body.id, "approve")).body.status).toBe("applied");
  });
  it("refuses a viewer's decision, a decided request and a second decision", async () => {
    const opened = await g.openRequest(g.v1);
    as(g.viewer);
    const byViewer = await g.decide(opened.id, "approve");
    expect(byViewer.status).toBe(403);
    expect(byViewer.body.error!.message).toMatch(/change\.approve/);

    as(g.approver);
    const noComment = await g.decide(opened.id, "reject");
    expect(noComment.status).toBe(400);
    const rejected = await g.decide(opened.id, "reject", "wrong tone");
    expect(rejected.body).toMatchObject({ status: "rejected" });
    as(g.approver2);
    const late = await g.decide(opened.id, "approve");
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({
      code: "already_decided",
      details: { status: "rejected" },
    });
    expect(await g.production()).toBeNull();

    as(g.admin);
    await callRoute(policy.PUT, {
      method: "PUT",
      body: { requiredApprovals: 2, protectedLabels: ["production"] },
    });
    const next = await g.openRequest(g.v1);
    as(g.approver);
    expect((await g.decide(next.id, "approve")).body).toMatchObject({
      status: "open",
      approvals: 1,
    });
    const twice = await g.decide(next.id, "approve");
    expect(twice.status).toBe(409);
    expect(twice.body.error!.code).toBe("already_decided");
    expect(await getDb().approvalDecision.count({ where: { changeRequestId: next.id } })).toBe(1);
  });
});
