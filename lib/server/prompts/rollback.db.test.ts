import { beforeAll, describe, expect, it } from "vitest";
import { session } from "@/test/session";
import type { PromptDetailDto, PromptLabelMoveDto } from "@/lib/schemas/prompt-library";
import { setupTestDatabase, testDbKind } from "@/test/database";
import { auditEventsOf, createAdminContext } from "@/test/fixtures";
import { approveProduction, callRoute, memberContext } from "@/test/governance";
import type { WorkspaceContext } from "../workspace-context";
import { createPrompt } from "./library";
import { moveUnprotectedLabel } from "./labels";
import { saveVersion } from "./versions";
import * as rollback from "@/app/api/prompts/[id]/labels/[label]/rollback/route";
import * as history from "@/app/api/prompts/[id]/labels/[label]/history/route";

setupTestDatabase();

let admin: WorkspaceContext;
let editor: WorkspaceContext;
let approver: WorkspaceContext;
let promptId: string;
const ids: string[] = [];

beforeAll(async () => {
  admin = await createAdminContext("Rollbacks");
  editor = await memberContext(admin.workspace.id, ["editor"], "Eve Editor");
  approver = await memberContext(admin.workspace.id, ["approver"], "Alan Approver");
  const prompt = await createPrompt(editor, {
    name: "answers",
    description: "",
    template: "v1",
    message: "first",
  });
  promptId = prompt.id;
  ids.push(prompt.latest!.id);
  for (const base of [1, 2]) {
    const body = { template: `v${base + 1}`, message: "more", baseVersion: base };
    ids.push((await saveVersion(editor, promptId, body)).id);
  }
  await approveProduction(editor, approver, promptId, ids[0]!);
  await approveProduction(editor, approver, promptId, ids[1]!);
  await moveUnprotectedLabel(editor, promptId, "staging", ids[2]!);
});

const roll = (
  versionId: string,
  reason = "v2 answers customers in the wrong language",
  label = "production",
) =>
  callRoute<{ prompt: PromptDetailDto }>(rollback.POST, {
    method: "POST",
    params: { id: promptId, label },
    body: { versionId, reason },
  });

describe(`emergency rollback on ${testDbKind}`, () => {
  it("is refused to editors and without a reason of at least 10 characters", async () => {
    session.ctx = editor;
    expect((await roll(ids[0]!)).status).toBe(403);
    session.ctx = approver;
    const short = await roll(ids[0]!, "broken");
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body.error!.details)).toContain("at least 10 characters");
  });

  it("goes only to a version the label pointed at before, not where it points now", async () => {
    session.ctx = approver;
    const never = await roll(ids[2]!);
    expect(never.status).toBe(400);
    expect(never.body.error!.message).toMatch(/never pointed at version 3/);
    const current = await roll(ids[1]!);
    expect(current.status).toBe(409);
    const missing = await roll(ids[0]!, "no such label here at all", "canary");
    expect(missing.status).toBe(404);
  });

  it("moves a protected label back at once, with the reason in its history and the audit log", async () => {
    session.ctx = approver;
    const done = await roll(ids[0]!);
    expect(done.status).toBe(200);
    expect(done.body.prompt.labels.find((l) => l.name === "production")!.version).toBe(1);

    const moves = await callRoute<{ moves: PromptLabelMoveDto[] }>(history.GET, {
      params: { id: promptId, label: "production" },
    });
    expect(moves.body.moves.map((m) => [m.via, m.fromVersion, m.toVersion, m.actorName])).toEqual([
      ["rollback", 2, 1, "Alan Approver"],
      ["change_request", 1, 2, "Alan Approver"],
      ["change_request", null, 1, "Alan Approver"],
    ]);
    expect(moves.body.moves[0]!.reason).toBe("v2 answers customers in the wrong language");

    const event = (await auditEventsOf(admin.workspace.id)).find(
      (e) => e.action === "prompt.label.rollback",
    );
    expect(event).toMatchObject({
      actorId: approver.user.id,
      targetType: "prompt",
      targetId: promptId,
      before: { prompt: "answers", label: "production", version: 2 },
      after: {
        prompt: "answers",
        label: "production",
        version: 1,
        reason: "v2 answers customers in the wrong language",
      },
    });
    expect((await roll(ids[1]!, "v2 was fine after all, restoring it")).status).toBe(200);
  });
});
