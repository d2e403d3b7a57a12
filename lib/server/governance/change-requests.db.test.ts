import { beforeEach, describe, expect, it } from "vitest";
import { session } from "@/test/session";
import { getDb } from "@/lib/db/client";
import type {
  ApprovalsSummaryDto,
  ChangeRequestDetailDto,
  ChangeRequestListDto,
} from "@/lib/schemas/change-requests";
import type { PromptDetailDto, PromptVersionDto } from "@/lib/schemas/prompt-library";
import { setupTestDatabase, testDbKind } from "@/test/database";
import { auditEventsOf, createAdminContext } from "@/test/fixtures";
import { callRoute, memberContext } from "@/test/governance";
import type { WorkspaceContext } from "../workspace-context";
import * as prompts from "@/app/api/prompts/route";
import * as prompt from "@/app/api/prompts/[id]/route";
import * as versions from "@/app/api/prompts/[id]/versions/route";
import * as requests from "@/app/api/change-requests/route";
import * as request from "@/app/api/change-requests/[id]/route";
import * as decisions from "@/app/api/change-requests/[id]/decisions/route";
import * as reviseRoute from "@/app/api/change-requests/[id]/revise/route";
import * as cancelRoute from "@/app/api/change-requests/[id]/cancel/route";
import * as summary from "@/app/api/approvals/summary/route";
import * as policy from "@/app/api/workspaces/active/approval-policy/route";

setupTestDatabase();

let admin: WorkspaceContext;
let editor: WorkspaceContext;
let approver: WorkspaceContext;
let approver2: WorkspaceContext;
let viewer: WorkspaceContext;
let promptId: string;
let v1: string;
let v2: string;

const as = (ctx: WorkspaceContext) => (session.ctx = ctx);

async function saveVersion(template: string, baseVersion: number) {
  const saved = await callRoute<{ version: PromptVersionDto }>(versions.POST, {
    method: "POST",
    params: { id: promptId },
    body: { template, message: `save ${template}`, baseVersion },
  });
  expect(saved.status).toBe(201);
  return saved.body.version.id;
}

/** The editor opens a request to move `label` to a version; returns its detail. */
async function openRequest(versionId: string, label = "production") {
  as(editor);
  const opened = await callRoute<ChangeRequestDetailDto>(requests.POST, {
    method: "POST",
    body: { kind: "prompt.label", promptId, label, versionId, description: "please" },
  });
  expect(opened.status).toBe(201);
  return opened.body;
}

function decide(id: string, decision: "approve" | "reject", comment = "") {
  return callRoute<ChangeRequestDetailDto>(decisions.POST, {
    method: "POST",
    params: { id },
    body: { decision, comment },
  });
}

async function production(): Promise<number | null> {
  as(viewer);
  const detail = await callRoute<{ prompt: PromptDetailDto }>(prompt.GET, {
    params: { id: promptId },
  });
  return detail.body.prompt.labels.find((l) => l.name === "production")!.version;
}

beforeEach(async () => {
  admin = await createAdminContext("Governed");
  const ws = admin.workspace.id;
  editor = await memberContext(ws, ["editor"], "Eve Editor");
  approver = await memberContext(ws, ["approver"], "Alan Approver");
  approver2 = await memberContext(ws, ["approver"], "Beth Approver");
  viewer = await memberContext(ws, ["viewer"], "Vic Viewer");
  as(editor);
  const created = await callRoute<{ prompt: PromptDetailDto }>(prompts.POST, {
    method: "POST",
    body: { name: "reply", template: "v1 {{ input }}" },
  });
  promptId = created.body.prompt.id;
  v1 = created.body.prompt.latest!.id;
  v2 = await saveVersion("v2 {{ input }}", 1);
});

describe(`change requests on ${testDbKind}`, () => {
  it("applies the label move when an approver approves, in the same step", async () => {
    const opened = await openRequest(v1);
    expect(opened).toMatchObject({
      kind: "prompt.label",
      status: "open",
      title: "Move production of reply to version 1",
      author: { id: editor.user.id, name: "Eve Editor" },
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

    as(approver);
    const detail = await callRoute<ChangeRequestDetailDto>(request.GET, {
      params: { id: opened.id },
    });
    expect(detail.body.canDecide).toEqual({ allowed: true, reason: null });
    const approved = await decide(opened.id, "approve", "looks good");
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
    expect(await production()).toBe(1);

    const move = await getDb().promptLabelMove.findFirstOrThrow({
      where: { promptId, label: "production" },
    });
    expect(move).toMatchObject({
      via: "change_request",
      changeRequestId: opened.id,
      actorId: approver.user.id,
      toVersionId: v1,
    });

    const second = await openRequest(v2);
    expect(second.diff!.template).toEqual([
      { kind: "removed", text: "v1 {{ input }}" },
      { kind: "added", text: "v2 {{ input }}" },
    ]);
    expect(second.target).toMatchObject({ version: 2, fromVersion: 1 });
    as(approver);
    await decide(second.id, "approve");
    expect(await production()).toBe(2);

    const actions = (await auditEventsOf(admin.workspace.id))
      .filter(
        (e) =>
          e.targetId === opened.id || (e.targetId === promptId && e.action === "prompt.label.move"),
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
    const opened = await openRequest(v1);
    as(editor);
    const byEditor = await decide(opened.id, "approve");
    expect(byEditor.status).toBe(403);
    expect(byEditor.body.error!.code).toBe("forbidden");

    as(admin);
    const own = await callRoute<ChangeRequestDetailDto>(requests.POST, {
      method: "POST",
      body: { kind: "prompt.label", promptId, label: "production", versionId: v2 },
    });
    const byAuthorAdmin = await decide(own.body.id, "approve");
    expect(byAuthorAdmin.status).toBe(403);
    expect(byAuthorAdmin.body.error).toMatchObject({
      code: "self_approval",
      message: "You opened this change request; another approver must decide it.",
    });
    expect(await getDb().approvalDecision.count({ where: { changeRequestId: own.body.id } })).toBe(
      0,
    );

    as(approver);
    expect((await decide(own.body.id, "approve")).body.status).toBe("applied");
  });

  it("refuses a viewer's decision, a decided request and a second decision", async () => {
    const opened = await openRequest(v1);
    as(viewer);
    const byViewer = await decide(opened.id, "approve");
    expect(byViewer.status).toBe(403);
    expect(byViewer.body.error!.message).toMatch(/change\.approve/);

    as(approver);
    const noComment = await decide(opened.id, "reject");
    expect(noComment.status).toBe(400);
    const rejected = await decide(opened.id, "reject", "wrong tone");
    expect(rejected.body).toMatchObject({ status: "rejected" });
    as(approver2);
    const late = await decide(opened.id, "approve");
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({
      code: "already_decided",
      details: { status: "rejected" },
    });
    expect(await production()).toBeNull();

    as(admin);
    await callRoute(policy.PUT, {
      method: "PUT",
      body: { requiredApprovals: 2, protectedLabels: ["production"] },
    });
    const next = await openRequest(v1);
    as(approver);
    expect((await decide(next.id, "approve")).body).toMatchObject({ status: "open", approvals: 1 });
    const twice = await decide(next.id, "approve");
    expect(twice.status).toBe(409);
    expect(twice.body.error!.code).toBe("already_decided");
    expect(await getDb().approvalDecision.count({ where: { changeRequestId: next.id } })).toBe(1);
  });

  it("needs two approvers when the policy says 2, and a revision invalidates approvals so far", async () => {
    as(editor);
    expect(
      (
        await callRoute(policy.PUT, {
          method: "PUT",
          body: { requiredApprovals: 2, protectedLabels: ["production"] },
        })
      ).status,
    ).toBe(403);
    as(admin);
    const invalid = await callRoute(policy.PUT, {
      method: "PUT",
      body: { requiredApprovals: 6, protectedLabels: [] },
    });
    expect(invalid.status).toBe(400);
    const put = await callRoute(policy.PUT, {
      method: "PUT",
      body: { requiredApprovals: 2, protectedLabels: ["production", "staging"] },
    });
    expect(put.body).toEqual({ requiredApprovals: 2, protectedLabels: ["production", "staging"] });

    const opened = await openRequest(v1);
    as(approver);
    expect((await decide(opened.id, "approve")).body).toMatchObject({
      status: "open",
      approvals: 1,
      requiredApprovals: 2,
    });
    expect(await production()).toBeNull();

    as(editor);
    const v3 = await saveVersion("v3 {{ input }}", 2);
    as(approver2);
    const notAuthor = await callRoute(reviseRoute.POST, {
      method: "POST",
      params: { id: opened.id },
      body: { versionId: v3 },
    });
    expect(notAuthor.status).toBe(403);
    as(editor);
    const revised = await callRoute<ChangeRequestDetailDto>(reviseRoute.POST, {
      method: "POST",
      params: { id: opened.id },
      body: { versionId: v3 },
    });
    expect(revised.body).toMatchObject({ status: "open", approvals: 0, target: { version: 3 } });
    expect(revised.body.decisions[0]!.invalidatedAt).not.toBeNull();

    as(approver2);
    expect((await decide(opened.id, "approve")).body).toMatchObject({
      status: "open",
      approvals: 1,
    });
    as(approver);
    const again = await decide(opened.id, "approve", "re-read v3");
    expect(again.body).toMatchObject({ status: "applied", approvals: 2 });
    expect(await production()).toBe(3);
    const audits = (await auditEventsOf(admin.workspace.id)).map((e) => e.action);
    expect(audits).toContain("change_request.revise");
    expect(audits).toContain("policy.update");
  });

  it("lets the author cancel, lists by status and counts what waits for each caller", async () => {
    const first = await openRequest(v1);
    const second = await openRequest(v2, "staging");
    as(approver);
    const inbox = await callRoute<ApprovalsSummaryDto>(summary.GET);
    expect(inbox.body.changeRequests.map((r) => r.id)).toEqual([second.id, first.id]);
    expect(inbox.body.total).toBe(2);
    as(editor);
    expect((await callRoute<ApprovalsSummaryDto>(summary.GET)).body.changeRequests).toEqual([]);

    as(approver);
    expect(
      (await callRoute(cancelRoute.POST, { method: "POST", params: { id: first.id } })).status,
    ).toBe(403);
    as(editor);
    const cancelled = await callRoute<ChangeRequestDetailDto>(cancelRoute.POST, {
      method: "POST",
      params: { id: first.id },
    });
    expect(cancelled.body.status).toBe("cancelled");
    expect(
      (await callRoute(cancelRoute.POST, { method: "POST", params: { id: first.id } })).status,
    ).toBe(409);

    const open = await callRoute<ChangeRequestListDto>(requests.GET, { query: "status=open" });
    expect(open.body.changeRequests.map((r) => r.id)).toEqual([second.id]);
    const page1 = await callRoute<ChangeRequestListDto>(requests.GET, { query: "limit=1" });
    expect(page1.body.changeRequests.map((r) => r.id)).toEqual([second.id]);
    const page2 = await callRoute<ChangeRequestListDto>(requests.GET, {
      query: `limit=1&cursor=${page1.body.nextCursor}`,
    });
    expect(page2.body).toMatchObject({
      changeRequests: [{ id: first.id, status: "cancelled" }],
      nextCursor: null,
    });
    expect((await callRoute(requests.GET, { query: "status=bogus" })).status).toBe(400);

    const same = await callRoute(requests.POST, {
      method: "POST",
      body: { kind: "prompt.label", promptId, label: "staging", versionId: "nope" },
    });
    expect(same.status).toBe(404);
  });
});
