import { beforeEach, describe, expect, it } from "vitest";
import type {
  ApprovalsSummaryDto,
  ChangeRequestDetailDto,
  ChangeRequestListDto,
} from "@/lib/schemas/change-requests";
import { setupTestDatabase, testDbKind } from "@/test/database";
import { auditEventsOf } from "@/test/fixtures";
import { callRoute } from "@/test/governance";
import { as, governedPrompt, type GovernedPrompt, saveVersionAs } from "@/test/governed-prompt";
import * as requests from "@/app/api/change-requests/route";
import * as reviseRoute from "@/app/api/change-requests/[id]/revise/route";
import * as cancelRoute from "@/app/api/change-requests/[id]/cancel/route";
import * as summary from "@/app/api/approvals/summary/route";
import * as policy from "@/app/api/workspaces/active/approval-policy/route";

setupTestDatabase();

let g: GovernedPrompt;
beforeEach(async () => {
  g = await governedPrompt();
});
const saveVersion = (template: string, baseVersion: number) =>
  saveVersionAs(g.editor, g.promptId, template, baseVersion);

describe(`change request lifecycle on ${testDbKind}`, () => {
  it("needs two approvers when the policy says 2, and a revision invalidates approvals so far", async () => {
    as(g.editor);
    expect(
      (
        await callRoute(policy.PUT, {
          method: "PUT",
          body: { requiredApprovals: 2, protectedLabels: ["production"] },
        })
      ).status,
    ).toBe(403);
    as(g.admin);
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

    const opened = await g.openRequest(g.v1);
    as(g.approver);
    expect((await g.decide(opened.id, "approve")).body).toMatchObject({
      status: "open",
      approvals: 1,
      requiredApprovals: 2,
    });
    expect(await g.production()).toBeNull();

    as(g.editor);
    const v3 = await saveVersion("v3 {{ input }}", 2);
    as(g.approver2);
    const notAuthor = await callRoute(reviseRoute.POST, {
      method: "POST",
      params: { id: opened.id },
      body: { versionId: v3 },
    });
    expect(notAuthor.status).toBe(403);
    as(g.editor);
    const revised = await callRoute<ChangeRequestDetailDto>(reviseRoute.POST, {
      method: "POST",
      params: { id: opened.id },
      body: { versionId: v3 },
    });
    expect(revised.body).toMatchObject({ status: "open", approvals: 0, target: { version: 3 } });
    expect(revised.body.decisions[0]!.invalidatedAt).not.toBeNull();
    expect(revised.body.title).toMatch(/^Move production of .+ to version 3$/);

    as(g.approver2);
    expect((await g.decide(opened.id, "approve")).body).toMatchObject({
      status: "open",
      approvals: 1,
    });
    as(g.approver);
    const again = await g.decide(opened.id, "approve", "re-read v3");
    expect(again.body).toMatchObject({ status: "applied", approvals: 2 });
    expect(await g.production()).toBe(3);
    const audits = (await auditEventsOf(g.admin.workspace.id)).map((e) => e.action);
    expect(audits).toContain("change_request.revise");
    expect(audits).toContain("policy.update");
  });
  it("keeps the title the author wrote when the request is revised", async () => {
    as(g.editor);
    const opened = await callRoute<ChangeRequestDetailDto>(requests.POST, {
      method: "POST",
      body: {
        kind: "prompt.label",
        promptId: g.promptId,
        label: "production",
        versionId: g.v1,
        title: "Friendlier replies",
      },
    });
    const v3 = await saveVersion("v3 {{ input }}", 2);
    const revised = await callRoute<ChangeRequestDetailDto>(reviseRoute.POST, {
      method: "POST",
      params: { id: opened.body.id },
      body: { versionId: v3 },
    });
    expect(revised.body).toMatchObject({ title: "Friendlier replies", target: { version: 3 } });
  });

  it("lets the author cancel, lists by status and counts what waits for each caller", async () => {
    const first = await g.openRequest(g.v1);
    const second = await g.openRequest(g.v2, "staging");
    as(g.approver);
    const inbox = await callRoute<ApprovalsSummaryDto>(summary.GET);
    expect(inbox.body.changeRequests.map((r) => r.id)).toEqual([second.id, first.id]);
    expect(inbox.body.total).toBe(2);
    as(g.editor);
    expect((await callRoute<ApprovalsSummaryDto>(summary.GET)).body.changeRequests).toEqual([]);

    as(g.approver);
    expect(
      (await callRoute(cancelRoute.POST, { method: "POST", params: { id: first.id } })).status,
    ).toBe(403);
    as(g.editor);
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
      body: { kind: "prompt.label", promptId: g.promptId, label: "staging", versionId: "nope" },
    });
    expect(same.status).toBe(404);
  });
});
