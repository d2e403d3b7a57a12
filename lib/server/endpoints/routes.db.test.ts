import { session } from "@/test/session";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createKeyRoute, GET as listKeysRoute } from "@/app/api/api-keys/route";
import { POST as revokeRoute } from "@/app/api/api-keys/[id]/revoke/route";
import { POST as pauseRoute } from "@/app/api/endpoints/[id]/pause/route";
import { POST as repointRoute } from "@/app/api/endpoints/[id]/repoint/route";
import { GET as listRoute, POST as publishRoute } from "@/app/api/endpoints/route";
import type { CreatedApiKeyDto } from "@/lib/schemas/api-keys";
import type { EndpointDto, EndpointListDto } from "@/lib/schemas/endpoints";
import { setupTestDatabase } from "@/test/database";
import { askGraph, flowWithVersions } from "@/test/endpoints";
import { createAdminContext } from "@/test/fixtures";
import { callRoute, memberContext } from "@/test/governance";
import type { WorkspaceContext } from "../workspace-context";

setupTestDatabase();

let engineer: WorkspaceContext;
let viewer: WorkspaceContext;
let editor: WorkspaceContext;
let versions: string[] = [];

beforeAll(async () => {
  const admin = await createAdminContext("Acme");
  engineer = await memberContext(admin.workspace.id, ["engineer"], "Eve");
  viewer = await memberContext(admin.workspace.id, ["viewer"], "Vic");
  editor = await memberContext(admin.workspace.id, ["editor"], "Ed");
  versions = (await flowWithVersions(engineer, [askGraph("sim-small"), askGraph("sim-large")]))
    .versionIds;
});

describe("management routes", () => {
  it("engineers publish and repoint; viewers and editors only read; bodies are checked", async () => {
    session.ctx = viewer;
    const body = { slug: "routes", flowVersionId: versions[0] };
    expect((await callRoute(publishRoute, { method: "POST", body })).status).toBe(403);
    session.ctx = editor;
    expect((await callRoute(publishRoute, { method: "POST", body })).status).toBe(403);
    session.ctx = engineer;
    const bad = await callRoute(publishRoute, { method: "POST", body: { slug: "Bad Slug" } });
    expect(bad.status).toBe(400);
    const published = await callRoute<{ endpoint: EndpointDto }>(publishRoute, {
      method: "POST",
      body,
    });
    expect(published.status).toBe(201);
    const id = published.body.endpoint.id;
    const repoint = await callRoute(repointRoute, {
      method: "POST",
      params: { id },
      body: { flowVersionId: versions[1] },
    });
    expect(repoint.status).toBe(403);
    expect(repoint.body.error?.code).toBe("approval_required");
    session.ctx = viewer;
    expect((await callRoute(pauseRoute, { method: "POST", params: { id } })).status).toBe(403);
    const list = await callRoute<EndpointListDto>(listRoute);
    expect(list.body.endpoints.map((e) => e.slug)).toEqual(["routes"]);
  });

  it("only key managers see and create keys; the secret is in the create answer only", async () => {
    session.ctx = viewer;
    expect((await callRoute(listKeysRoute)).status).toBe(403);
    session.ctx = engineer;
    const created = await callRoute<CreatedApiKeyDto>(createKeyRoute, {
      method: "POST",
      body: { name: "ci", allEndpoints: true },
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^trl_/);
    const listed = await callRoute(listKeysRoute);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    const revoked = await callRoute<{ apiKey: { status: string } }>(revokeRoute, {
      method: "POST",
      params: { id: created.body.apiKey.id },
    });
    expect(revoked.body.apiKey.status).toBe("revoked");
  });
});
