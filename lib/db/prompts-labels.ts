import { getDb } from "./client";
import type { LabelMoveVia, Prisma } from "./generated/client.ts";
import { lockPrompt } from "./prompts-versions";
import { withAuthorNames } from "./users";

type Tx = Prisma.TransactionClient;

/** Who moves a label, how and why. */
export interface LabelMoveInput {
  label: string;
  toVersionId: string;
  actorId: string;
  via: LabelMoveVia;
  reason?: string | null;
  changeRequestId?: string | null;
}

/** A label move that happened (from null: the label pointed nowhere before). */
export interface LabelMoved {
  status: "moved";
  fromVersionId: string | null;
  toVersionId: string;
}

/** Why a label was not moved. */
export type LabelMoveRefusal =
  | { status: "not_found" }
  | { status: "label_exists" }
  | { status: "label_missing" }
  | { status: "not_a_past_target" }
  | { status: "unchanged" };

/** How a move treats the label's existence: must be new, must exist, or either. */
export type LabelMoveMode = "create" | "move" | "upsert" | "rollback";

/**
 * Points a label at a version inside the caller's transaction (the prompt row already locked)
 * and appends the move to the label's history; a move to where it already points changes and
 * records nothing.
 */
export async function moveLabelIn(
  tx: Tx,
  workspaceId: string,
  promptId: string,
  input: LabelMoveInput,
): Promise<LabelMoved> {
  const current = await tx.promptLabel.findUnique({
    where: { promptId_name: { promptId, name: input.label } },
    select: { versionId: true },
  });
  const fromVersionId = current?.versionId ?? null;
  if (fromVersionId === input.toVersionId)
    return { status: "moved", fromVersionId, toVersionId: input.toVersionId };
  await tx.promptLabel.upsert({
    where: { promptId_name: { promptId, name: input.label } },
    create: { workspaceId, promptId, name: input.label, versionId: input.toVersionId },
    update: { versionId: input.toVersionId },
  });
  await tx.promptLabelMove.create({
    data: { workspaceId, promptId, fromVersionId, ...input },
  });
  await tx.prompt.update({ where: { id: promptId }, data: { updatedAt: new Date() } });
  return { status: "moved", fromVersionId, toVersionId: input.toVersionId };
}

/**
 * Moves a label inside a transaction the caller runs for something else (applying an approved
 * change request): locks the prompt row first; `not_found` when the prompt is gone.
 */
export async function lockAndMoveLabelIn(
  tx: Tx,
  workspaceId: string,
  promptId: string,
  input: LabelMoveInput,
): Promise<LabelMoved | { status: "not_found" }> {
  if (!(await lockPrompt(tx, workspaceId, promptId))) return { status: "not_found" };
  return moveLabelIn(tx, workspaceId, promptId, input);
}

/** True when the label has pointed at the version at some time (its move history says so). */
async function hasPointedAt(tx: Tx, promptId: string, label: string, versionId: string) {
  const move = await tx.promptLabelMove.findFirst({
    where: { promptId, label, toVersionId: versionId },
    select: { id: true },
  });
  return move !== null;
}

/**
 * Moves a label under the prompt's row lock. `create` refuses an existing label, `move` a
 * missing one, `rollback` anything but a version the label pointed at before (and where it
 * points now); `upsert` takes either. The version must belong to the prompt (the caller checks).
 */
export function moveLabel(
  workspaceId: string,
  promptId: string,
  input: LabelMoveInput,
  mode: LabelMoveMode,
): Promise<LabelMoved | LabelMoveRefusal> {
  return getDb().$transaction(async (tx): Promise<LabelMoved | LabelMoveRefusal> => {
    if (!(await lockPrompt(tx, workspaceId, promptId))) return { status: "not_found" };
    const current = await tx.promptLabel.findUnique({
      where: { promptId_name: { promptId, name: input.label } },
      select: { versionId: true },
    });
    if (mode === "create" && current) return { status: "label_exists" };
    if ((mode === "move" || mode === "rollback") && !current) return { status: "label_missing" };
    if (mode === "rollback") {
      if (current?.versionId === input.toVersionId) return { status: "unchanged" };
      if (!(await hasPointedAt(tx, promptId, input.label, input.toVersionId)))
        return { status: "not_a_past_target" };
    }
    return moveLabelIn(tx, workspaceId, promptId, input);
  });
}

/** Deletes a label; the version it pointed at, or null when there was no such label. */
export function deleteLabel(
  workspaceId: string,
  promptId: string,
  label: string,
): Promise<string | null> {
  return getDb().$transaction(async (tx) => {
    if (!(await lockPrompt(tx, workspaceId, promptId))) return null;
    const row = await tx.promptLabel.findUnique({
      where: { promptId_name: { promptId, name: label } },
      select: { id: true, versionId: true },
    });
    if (!row) return null;
    await tx.promptLabel.delete({ where: { id: row.id } });
    return row.versionId;
  });
}

/** One move of a label with version numbers and the actor's name. */
export interface LabelMoveRecord {
  id: string;
  label: string;
  fromVersionId: string | null;
  fromVersion: number | null;
  toVersionId: string;
  toVersion: number;
  authorId: string | null;
  authorName: string | null;
  via: LabelMoveVia;
  reason: string | null;
  changeRequestId: string | null;
  createdAt: Date;
}

/** A label's moves, newest first. */
export async function listLabelMoves(
  workspaceId: string,
  promptId: string,
  label: string,
): Promise<LabelMoveRecord[]> {
  const rows = await getDb().promptLabelMove.findMany({
    where: { workspaceId, promptId, label },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      label: true,
      fromVersionId: true,
      toVersionId: true,
      actorId: true,
      via: true,
      reason: true,
      changeRequestId: true,
      createdAt: true,
      fromVersion: { select: { version: true } },
      toVersion: { select: { version: true } },
    },
  });
  return withAuthorNames(
    rows.map(({ actorId, fromVersion, toVersion, ...row }) => ({
      ...row,
      authorId: actorId,
      fromVersion: fromVersion?.version ?? null,
      toVersion: toVersion.version,
    })),
  );
}
