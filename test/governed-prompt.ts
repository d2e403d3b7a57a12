import { expect } from "vitest";
import { session } from "./session";
import type { ChangeRequestDetailDto } from "@/lib/schemas/change-requests";
import type { PromptDetailDto, PromptVersionDto } from "@/lib/schemas/prompt-library";
import type { WorkspaceContext } from "@/lib/server/workspace-context";
import * as prompts from "@/app/api/prompts/route";
import * as prompt from "@/app/api/prompts/[id]/route";
import * as versions from "@/app/api/prompts/[id]/versions/route";
import * as requests from "@/app/api/change-requests/route";
import * as decisions from "@/app/api/change-requests/[id]/decisions/route";
import { createAdminContext } from "./fixtures";
import { callRoute, memberContext } from "./governance";

/** A workspace with one member per role and a prompt "reply" with versions 1 and 2 (no labels). */
export interface GovernedPrompt {
  admin: WorkspaceContext;
  editor: WorkspaceContext;
  approver: WorkspaceContext;
  approver2: WorkspaceContext;
  viewer: WorkspaceContext;
  promptId: string;
  v1: string;
  v2: string;
  /** The editor opens a request to move a label (default production) to a version. */
  openRequest: (versionId: string, label?: string) => Promise<ChangeRequestDetailDto>;
  /** The current caller (`as`) decides a request. */
  decide: (
    id: string,
    decision: "approve" | "reject",
    comment?: string,
  ) => ReturnType<typeof decideAs>;
  /** Where production points, as the viewer reads it. */
  production: () => Promise<number | null>;
}

/** Makes the caller of the next route calls `ctx`. */
export const as = (ctx: WorkspaceContext) => (session.ctx = ctx);

/** Saves a version through the API as `ctx`; returns its id. */
export async function saveVersionAs(
  ctx: WorkspaceContext,
  promptId: string,
  template: string,
  baseVersion: number,
): Promise<string> {
  as(ctx);
  const saved = await callRoute<{ version: PromptVersionDto }>(versions.POST, {
    method: "POST",
    params: { id: promptId },
    body: { template, message: `save ${template}`, baseVersion },
  });
  expect(saved.status).toBe(201);
  return saved.body.version.id;
}

/** Sets up a GovernedPrompt through the API. */
export async function governedPrompt(): Promise<GovernedPrompt> {
  const admin = await createAdminContext("Governed");
  const ws = admin.workspace.id;
  const editor = await memberContext(ws, ["editor"], "Eve Editor");
  const approver = await memberContext(ws, ["approver"], "Alan Approver");
  const approver2 = await memberContext(ws, ["approver"], "Beth Approver");
  const viewer = await memberContext(ws, ["viewer"], "Vic Viewer");
  as(editor);
  const created = await callRoute<{ prompt: PromptDetailDto }>(prompts.POST, {
    method: "POST",
    body: { name: "reply", template: "v1 {{ input }}" },
  });
  const promptId = created.body.prompt.id;
  const v1 = created.body.prompt.latest!.id;
  const v2 = await saveVersionAs(editor, promptId, "v2 {{ input }}", 1);
  return {
    admin,
    editor,
    approver,
    approver2,
    viewer,
    promptId,
    v1,
    v2,
    openRequest: (versionId, label) => openRequestAs(editor, promptId, versionId, label),
    decide: (id, decision, comment) => decideAs(session.ctx!, id, decision, comment),
    production: () => productionVersion(viewer, promptId),
  };
}

/** `ctx` opens a request to move a label of the prompt to a version; returns its detail. */
export async function openRequestAs(
  ctx: WorkspaceContext,
  promptId: string,
  versionId: string,
  label = "production",
): Promise<ChangeRequestDetailDto> {
  as(ctx);
  const opened = await callRoute<ChangeRequestDetailDto>(requests.POST, {
    method: "POST",
    body: { kind: "prompt.label", promptId, label, versionId, description: "please" },
  });
  expect(opened.status).toBe(201);
  return opened.body;
}

/** `ctx` approves or rejects a request through the API. */
export function decideAs(
  ctx: WorkspaceContext,
  id: string,
  decision: "approve" | "reject",
  comment = "",
) {
  as(ctx);
  return callRoute<ChangeRequestDetailDto>(decisions.POST, {
    method: "POST",
    params: { id },
    body: { decision, comment },
  });
}

/** The version number the prompt's production label points at, as `ctx` reads it. */
export async function productionVersion(
  ctx: WorkspaceContext,
  promptId: string,
): Promise<number | null> {
  as(ctx);
  const detail = await callRoute<{ prompt: PromptDetailDto }>(prompt.GET, {
    params: { id: promptId },
  });
  return detail.body.prompt.labels.find((l) => l.name === "production")!.version;
}
