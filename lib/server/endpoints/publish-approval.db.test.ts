import { beforeAll, describe, expect, it } from "vitest";
import { expectApiError } from "@/test/api-error";
import { setupTestDatabase } from "@/test/database";
import { askGraph, flowWithVersions } from "@/test/endpoints";
import { auditEventsOf, createAdminContext } from "@/test/fixtures";
import { memberContext } from "@/test/governance";
import { changeRequestDetail, openChangeRequest } from "../governance/change-requests";
import { decide } from "../governance/decisions";
import type { WorkspaceContext } from "../workspace-context";
import { getEndpoint, publishEndpoint, removeEndpoint, repointEndpoint } from "./endpoints";

setupTestDatabase();

let engineer: WorkspaceContext;
let approver: WorkspaceContext;
let editor: WorkspaceContext;
let small = "";
let large = "";

beforeAll(async () => {
  const admin = await createAdminContext("Acme");
  engineer = await memberContext(admin.workspace.id, ["engineer"], "Eve Engineer");
  approver = await memberContext(admin.workspace.id, ["approver"], "Abe Approver");
  editor = await memberContext(admin.workspace.id, ["editor"], "Ed Editor");
  [small, large] = (
    await flowWithVersions(engineer, [askGraph("sim-small"), askGraph("sim-large")])
  ).versionIds as [string, string];
});

const proposal = (slug: string) =>
  ({ kind: "flow.publish", slug, flowVersionId: large, description: "Bigger model" }) as const;

describe("the flow.publish approval gate", () => {
  it("first publish needs no approval; a model change needs an approved change request", async () => {
    const endpoint = await publishEndpoint(engineer, { slug: "gated", flowVersionId: small });
    const error = await expectApiError(
      repointEndpoint(engineer, endpoint.id, large),
      403,
      "approval_required",
    );
    expect(error.message).toMatch(/change request/);

    const request = await openChangeRequest(engineer, proposal("gated"));
    expect(request).toMatchObject({
      kind: "flow.publish",
      status: "open",
      title: "Serve version 2 at gated",
      target: {
        kind: "flow.publish",
        endpointId: endpoint.id,
        slug: "gated",
        version: 2,
        fromVersion: 1,
        changes: [
          { nodeId: "ask", field: "model", from: "simulated/sim-small", to: "simulated/sim-large" },
        ],
      },
    });
    expect((await getEndpoint(engineer, endpoint.id)).version).toBe(1);
    await expectApiError(
      decide(engineer, request.id, { decision: "approve", comment: "" }),
      403,
      "self_approval",
    );

    const applied = await decide(approver, request.id, { decision: "approve", comment: "ok" });
    expect(applied.status).toBe("applied");
    expect(await getEndpoint(engineer, endpoint.id)).toMatchObject({
      flowVersionId: large,
      version: 2,
    });
    const repoint = (await auditEventsOf(engineer.workspace.id)).filter(
      (e) => e.action === "endpoint.repoint" && e.targetId === endpoint.id,
    );
    expect(repoint).toHaveLength(1);
    expect(repoint[0]).toMatchObject({
      actorId: approver.user.id,
      before: { version: 1 },
      after: { version: 2, changeRequestId: request.id },
    });
  });

  it("a rollback to the previous model needs approval too", async () => {
    const endpoint = await publishEndpoint(engineer, { slug: "back", flowVersionId: large });
    await expectApiError(repointEndpoint(engineer, endpoint.id, small), 403, "approval_required");
  });

  it("only roles that manage endpoints may propose; unknown endpoints are 404", async () => {
    await publishEndpoint(engineer, { slug: "editor-tries", flowVersionId: small });
    await expectApiError(openChangeRequest(editor, proposal("editor-tries")), 403, "forbidden");
    await expectApiError(openChangeRequest(engineer, proposal("nope")), 404, "not_found");
  });

  it("an endpoint deleted before the approval is a 409 and the request stays open", async () => {
    const endpoint = await publishEndpoint(engineer, { slug: "doomed", flowVersionId: small });
    const request = await openChangeRequest(engineer, {
      ...proposal("doomed"),
      slug: undefined,
      endpointId: endpoint.id,
    });
    await removeEndpoint(engineer, endpoint.id);
    await expectApiError(
      decide(approver, request.id, { decision: "approve", comment: "ok" }),
      409,
      "conflict",
    );
    expect((await changeRequestDetail(approver, request.id)).status).toBe("open");
  });
});
