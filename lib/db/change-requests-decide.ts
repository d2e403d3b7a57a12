import { getDb } from "./client";
import { changeRequestSelect, toRecord, type ChangeRequestRecord } from "./change-requests";
import type { ChangeRequestStatus, Prisma } from "./generated/client.ts";

/** A transaction handle; the appliers of change kinds (lib/db) run inside it. */
export type Tx = Prisma.TransactionClient;

/** Applies an approved request's change inside the deciding transaction; its result is passed back. */
export type ApplyChange<T> = (tx: Tx, request: ChangeRequestRecord) => Promise<T>;

/** Why a transition did not happen. */
export type TransitionRefusal =
  { status: "not_found" } | { status: "not_open"; current: ChangeRequestStatus };

/**
 * Runs `change` on an open change request with its row locked (`SELECT ... FOR UPDATE`), so
 * decisions, revisions and cancellations of one request happen one at a time and each sees the
 * outcome of the previous one; the refreshed request comes back with the change's result.
 */
async function onOpenRequest<T>(
  workspaceId: string,
  id: string,
  change: (tx: Tx, request: ChangeRequestRecord) => Promise<T>,
): Promise<TransitionRefusal | { status: "done"; request: ChangeRequestRecord; result: T }> {
  return getDb().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ status: ChangeRequestStatus }[]>`
      SELECT status FROM "ChangeRequest"
      WHERE id = ${id} AND "workspaceId" = ${workspaceId} FOR UPDATE`;
    if (!locked[0]) return { status: "not_found" as const };
    if (locked[0].status !== "open")
      return { status: "not_open" as const, current: locked[0].status };
    const read = async () =>
      toRecord(
        await tx.changeRequest.findUniqueOrThrow({ where: { id }, select: changeRequestSelect }),
      );
    const result = await change(tx, await read());
    return { status: "done" as const, request: await read(), result };
  });
}

/** What a decision did: refused, or recorded (and, when it completed the approvals, applied). */
export type DecideResult<T> =
  | TransitionRefusal
  | { status: "duplicate" }
  | { status: "done"; request: ChangeRequestRecord; result: { applied: T | null } };

/**
 * Records one approver's decision on an open request. A reject closes it (`rejected`); an
 * approve that brings the valid approvals to `requiredApprovals` applies the change in the same
 * transaction and closes it (`applied`). An approver with a valid decision already gets
 * `duplicate` and nothing is written.
 */
export async function decideChangeRequest<T>(
  workspaceId: string,
  id: string,
  input: { approverId: string; decision: "approve" | "reject"; comment: string },
  options: { requiredApprovals: number; apply: ApplyChange<T> },
): Promise<DecideResult<T>> {
  const duplicate = Symbol("duplicate");
  const outcome = await onOpenRequest(workspaceId, id, async (tx, request) => {
    const existing = await tx.approvalDecision.count({
      where: { changeRequestId: id, approverId: input.approverId, invalidatedAt: null },
    });
    if (existing > 0) return duplicate;
    await tx.approvalDecision.create({ data: { workspaceId, changeRequestId: id, ...input } });
    const approvals = request.approvals + (input.decision === "approve" ? 1 : 0);
    let applied: T | null = null;
    let status: ChangeRequestStatus | null = null;
    if (input.decision === "reject") status = "rejected";
    else if (approvals >= options.requiredApprovals) {
      applied = await options.apply(tx, { ...request, approvals });
      status = "applied";
    }
    if (status)
      await tx.changeRequest.update({ where: { id }, data: { status, decidedAt: new Date() } });
    return { applied };
  });
  if (outcome.status === "done" && outcome.result === duplicate) return { status: "duplicate" };
  return outcome as DecideResult<T>;
}

/**
 * Points an open request at a new payload (the author's revision) and invalidates every valid
 * decision so far; `result` is how many were invalidated.
 */
export function reviseChangeRequest(
  workspaceId: string,
  id: string,
  input: { title: string; payload: object },
) {
  return onOpenRequest(workspaceId, id, async (tx) => {
    const now = new Date();
    const { count } = await tx.approvalDecision.updateMany({
      where: { changeRequestId: id, invalidatedAt: null },
      data: { invalidatedAt: now },
    });
    await tx.changeRequest.update({
      where: { id },
      data: {
        title: input.title,
        payload: input.payload as Prisma.InputJsonObject,
        updatedAt: now,
      },
    });
    return count;
  });
}

/** Cancels an open request. */
export function cancelChangeRequest(workspaceId: string, id: string) {
  return onOpenRequest(workspaceId, id, (tx) =>
    tx.changeRequest.update({
      where: { id },
      data: { status: "cancelled", decidedAt: new Date() },
    }),
  );
}
