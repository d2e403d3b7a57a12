import { beforeAll, describe, expect, it } from "vitest";
import { session } from "@/test/session";
import { getDb } from "@/lib/db/client";
import type {
  PromptDetailDto,
  PromptDiffDto,
  PromptLabelMoveDto,
  PromptVersionDto,
} from "@/lib/schemas/prompt-library";
import { setupTestDatabase, testDbKind } from "@/test/database";
import { auditEventsOf, createAdminContext } from "@/test/fixtures";
import { callRoute, memberContext } from "@/test/governance";
import type { WorkspaceContext } from "../workspace-context";
import * as prompts from "@/app/api/prompts/route";
import * as prompt from "@/app/api/prompts/[id]/route";
import * as versions from "@/app/api/prompts/[id]/versions/route";
import * as version from "@/app/api/prompts/[id]/versions/[version]/route";
import * as diff from "@/app/api/prompts/[id]/diff/route";
import * as labels from "@/app/api/prompts/[id]/labels/route";
import * as label from "@/app/api/prompts/[id]/labels/[label]/route";
import * as history from "@/app/api/prompts/[id]/labels/[label]/history/route";

setupTestDatabase();

let admin: WorkspaceContext;
let editor: WorkspaceContext;
let viewer: WorkspaceContext;

beforeAll(async () => {
  admin = await createAdminContext("Prompts A");
  editor = await memberContext(admin.workspace.id, ["editor"], "Eve Editor");
  viewer = await memberContext(admin.workspace.id, ["viewer"], "Vic Viewer");
});

type Detail = { prompt: PromptDetailDto };

async function createPrompt(name: string, template = "Hello {{ name }}", as = editor) {
  session.ctx = as;
  const created = await callRoute<Detail>(prompts.POST, {
    method: "POST",
    body: {
      name,
      description: "greets",
      template,
      model: { connection: "simulated", model: "sim-small" },
      parameters: { temperature: 0.2 },
    },
  });
  expect(created.status).toBe(201);
  return created.body.prompt;
}

function saveVersion(promptId: string, body: Record<string, unknown>) {
  return callRoute<{ version: PromptVersionDto }>(versions.POST, {
    method: "POST",
    params: { id: promptId },
    body: { message: "edit", ...body },
  });
}

describe(`prompt library API on ${testDbKind}`, () => {
  it("creates a prompt with version 1 and lists it, built-in labels unset", async () => {
    const created = await createPrompt("greeting");
    expect(created.latest).toMatchObject({
      version: 1,
      template: "Hello {{ name }}",
      model: { connection: "simulated", model: "sim-small" },
      parameters: { temperature: 0.2 },
      authorName: "Eve Editor",
      variables: ["name"],
    });
    expect(created.labels).toEqual([
      {
        name: "production",
        version: null,
        versionId: null,
        protected: true,
        builtIn: true,
        updatedAt: null,
      },
      {
        name: "staging",
        version: null,
        versionId: null,
        protected: false,
        builtIn: true,
        updatedAt: null,
      },
    ]);
    const list = await callRoute<{ prompts: { name: string; versionCount: number }[] }>(
      prompts.GET,
    );
    expect(list.body.prompts.find((p) => p.name === "greeting")).toMatchObject({ versionCount: 1 });
    const duplicate = await callRoute(prompts.POST, {
      method: "POST",
      body: { name: "greeting", template: "x" },
    });
    expect(duplicate.status).toBe(409);
  });

  it("saves versions against the version the editor saw; a stale base is a 409 that writes nothing", async () => {
    const { id } = await createPrompt("conflicts");
    const second = await saveVersion(id, { template: "Hi {{ name }} v2", baseVersion: 1 });
    expect(second.status).toBe(201);
    expect(second.body.version).toMatchObject({ version: 2, message: "edit", variables: ["name"] });

    const stale = await saveVersion(id, { template: "my text", baseVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: "version_conflict",
      details: { latestVersion: 2 },
    });
    expect(await getDb().promptVersion.count({ where: { promptId: id } })).toBe(2);

    const racing = await Promise.all([
      saveVersion(id, { template: "a", baseVersion: 2 }),
      saveVersion(id, { template: "b", baseVersion: 2 }),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await getDb().promptVersion.count({ where: { promptId: id } })).toBe(3);

    const v2 = await callRoute<{ version: PromptVersionDto }>(version.GET, {
      params: { id, version: "2" },
    });
    expect(v2.body.version.template).toBe("Hi {{ name }} v2");
    const audits = (await auditEventsOf(admin.workspace.id)).filter((e) => e.targetId === id);
    expect(audits.map((e) => e.action)).toEqual([
      "prompt.create",
      "prompt.version.create",
      "prompt.version.create",
    ]);
  });

  it("refuses bad templates with a 400 naming the problem, and a 1 MB body with a 413", async () => {
    const { id } = await createPrompt("bad-input");
    const unbalanced = await saveVersion(id, { template: "Hi\n  {{ name ", baseVersion: 1 });
    expect(unbalanced.status).toBe(400);
    expect(unbalanced.body.error).toMatchObject({ code: "validation_failed" });
    expect(JSON.stringify(unbalanced.body.error!.details)).toContain(
      'Line 2, column 3: \\"{{\\" is never closed with \\"}}\\"',
    );

    for (const name of ["__proto__", "constructor", "prototype"]) {
      const forbidden = await saveVersion(id, { template: `{{ ${name}.x }}`, baseVersion: 1 });
      expect(forbidden.status).toBe(400);
      expect(JSON.stringify(forbidden.body.error!.details)).toContain(
        `\\"${name}\\" cannot be used in a template`,
      );
    }

    const huge = await saveVersion(id, { template: "x".repeat(1_048_576), baseVersion: 1 });
    expect(huge.status).toBe(413);
    expect(huge.body.error).toMatchObject({ code: "payload_too_large" });

    const long = await saveVersion(id, { template: "x".repeat(200_000), baseVersion: 1 });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body.error!.details)).toContain(
      "The template is 200,000 characters long; the limit is 100,000.",
    );

    const notJson = await callRoute(versions.POST, { method: "POST", params: { id }, body: "{" });
    expect(notJson.status).toBe(400);
    expect(await getDb().promptVersion.count({ where: { promptId: id } })).toBe(1);
  });

  it("diffs two versions' template lines and parameters", async () => {
    const { id } = await createPrompt("diffed", "line one\nline two");
    await saveVersion(id, {
      template: "line one\nline 2",
      parameters: { temperature: 0.9 },
      baseVersion: 1,
    });
    const result = await callRoute<PromptDiffDto>(diff.GET, {
      params: { id },
      query: "from=1&to=2",
    });
    expect(result.body.template).toEqual([
      { kind: "same", text: "line one" },
      { kind: "removed", text: "line two" },
      { kind: "added", text: "line 2" },
    ]);
    expect(result.body.fields).toEqual([
      { path: "parameters.temperature", before: 0.2, after: 0.9 },
    ]);
    const missing = await callRoute(diff.GET, { params: { id }, query: "from=1&to=9" });
    expect(missing.status).toBe(404);
  });

  it("moves unprotected labels directly, refuses protected ones with approval_required, and keeps history", async () => {
    const created = await createPrompt("labelled");
    const v2 = await saveVersion(created.id, { template: "v2", baseVersion: 1 });
    const v1Id = created.latest!.id;
    const v2Id = v2.body.version.id;
    const put = (name: string, versionId: string) =>
      callRoute<Detail>(label.PUT, {
        method: "PUT",
        params: { id: created.id, label: name },
        body: { versionId },
      });

    expect((await put("staging", v1Id)).status).toBe(200);
    const moved = await put("staging", v2Id);
    expect(moved.body.prompt.labels.find((l) => l.name === "staging")).toMatchObject({
      version: 2,
      protected: false,
    });

    const refused = await put("production", v2Id);
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: "approval_required" });
    expect(refused.body.error!.message).toMatch(/"production" label is protected/);
    const createProtected = await callRoute(labels.POST, {
      method: "POST",
      params: { id: created.id },
      body: { name: "production", versionId: v1Id },
    });
    expect(createProtected.status).toBe(403);
    expect(
      await getDb().promptLabel.count({ where: { promptId: created.id, name: "production" } }),
    ).toBe(0);

    const canary = await callRoute<Detail>(labels.POST, {
      method: "POST",
      params: { id: created.id },
      body: { name: "canary", versionId: v1Id },
    });
    expect(canary.status).toBe(201);
    expect(canary.body.prompt.versions.find((v) => v.version === 1)!.labels).toEqual(["canary"]);
    const again = await callRoute(labels.POST, {
      method: "POST",
      params: { id: created.id },
      body: { name: "canary", versionId: v2Id },
    });
    expect(again.status).toBe(409);
    const otherPromptsVersion = await put("staging", "not-a-version");
    expect(otherPromptsVersion.status).toBe(404);
    expect(
      (
        await callRoute(label.DELETE, {
          method: "DELETE",
          params: { id: created.id, label: "staging" },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await callRoute(label.DELETE, {
          method: "DELETE",
          params: { id: created.id, label: "canary" },
        })
      ).status,
    ).toBe(200);

    const moves = await callRoute<{ moves: PromptLabelMoveDto[] }>(history.GET, {
      params: { id: created.id, label: "staging" },
    });
    expect(moves.body.moves.map((m) => [m.fromVersion, m.toVersion, m.via, m.actorName])).toEqual([
      [1, 2, "direct", "Eve Editor"],
      [null, 1, "direct", "Eve Editor"],
    ]);
    const actions = (await auditEventsOf(admin.workspace.id))
      .filter((e) => e.targetId === created.id && e.action.startsWith("prompt.label"))
      .map((e) => e.action);
    expect(actions).toEqual([
      "prompt.label.move",
      "prompt.label.move",
      "prompt.label.create",
      "prompt.label.delete",
    ]);
  });

  it("lets viewers read but not write, and hides other workspaces' prompts", async () => {
    const { id } = await createPrompt("read-only");
    session.ctx = viewer;
    expect((await callRoute(prompt.GET, { params: { id } })).status).toBe(200);
    const write = await callRoute(prompt.PATCH, {
      method: "PATCH",
      params: { id },
      body: { description: "mine" },
    });
    expect(write.status).toBe(403);
    expect((await saveVersion(id, { template: "x", baseVersion: 1 })).status).toBe(403);

    session.ctx = await createAdminContext("Prompts B");
    expect((await callRoute(prompt.GET, { params: { id } })).status).toBe(404);
    expect((await saveVersion(id, { template: "x", baseVersion: 1 })).status).toBe(404);
  });
});
