import type { KeysetCursor } from "@/lib/schemas/list-query";
import { getDb } from "./client";
import type { ChangeRequestStatus, Prisma } from "./generated/client.ts";
import { withAuthorNames } from "./users";

/** A change request with its author's name and its count of valid (not invalidated) approvals. */
export interface ChangeRequestRecord {
  id: string;
  kind: string;
  status: ChangeRequestStatus;
  title: string;
  description: string;
  payload: unknown;
  targetId: string | null;
  authorId: string;
  authorName: string | null;
  createdAt: Date;
  updatedAt: Date;
  decidedAt: Date | null;
  approvals: number;
}

/** The select that builds a ChangeRequestRecord (without the author's name). */
export const changeRequestSelect = {
  id: true,
  kind: true,
  status: true,
  title: true,
  description: true,
  payload: true,
  targetId: true,
  authorId: true,
  createdAt: true,
  updatedAt: true,
  decidedAt: true,
  _count: { select: { decisions: { where: { decision: "approve", invalidatedAt: null } } } },
} as const satisfies Prisma.ChangeRequestSelect;

type Row = Prisma.ChangeRequestGetPayload<{ select: typeof changeRequestSelect }>;

/** A row as a record without the author's name (safe inside a transaction). */
export function toRecord({ _count, ...row }: Row): ChangeRequestRecord {
  return { ...row, authorName: null, approvals: _count.decisions };
}

/** Rows as records, with author names (read outside any transaction). */
function toRecords(rows: Row[]): Promise<ChangeRequestRecord[]> {
  return withAuthorNames(rows.map(toRecord));
}

/** Opens a change request. */
export async function createChangeRequest(
  workspaceId: string,
  input: {
    kind: string;
    title: string;
    description: string;
    payload: object;
    targetId: string;
    authorId: string;
  },
): Promise<ChangeRequestRecord> {
  const row = await getDb().changeRequest.create({
    data: { workspaceId, ...input, payload: input.payload as Prisma.InputJsonObject },
    select: changeRequestSelect,
  });
  return (await toRecords([row]))[0]!;
}

/** A change request of the workspace, or null. */
export async function findChangeRequest(
  workspaceId: string,
  id: string,
): Promise<ChangeRequestRecord | null> {
  const row = await getDb().changeRequest.findFirst({
    where: { id, workspaceId },
    select: changeRequestSelect,
  });
  return row ? (await toRecords([row]))[0]! : null;
}

/** Which change requests a list shows. */
export interface ChangeRequestFilter {
  statuses?: ChangeRequestStatus[];
  kind?: string;
  targetId?: string;
  /** Leaves out this user's own requests and those they have a valid decision on (what they may decide). */
  decidableBy?: string;
  after?: KeysetCursor;
  limit: number;
}

/** Change requests newest first (createdAt desc, id desc), at most `limit`, after the cursor. */
export async function listChangeRequests(
  workspaceId: string,
  f: ChangeRequestFilter,
): Promise<ChangeRequestRecord[]> {
  const after = f.after && new Date(f.after.createdAt);
  const rows = await getDb().changeRequest.findMany({
    where: {
      workspaceId,
      ...(f.statuses && { status: { in: f.statuses } }),
      ...(f.kind && { kind: f.kind }),
      ...(f.targetId && { targetId: f.targetId }),
      ...(f.decidableBy && {
        authorId: { not: f.decidableBy },
        decisions: { none: { approverId: f.decidableBy, invalidatedAt: null } },
      }),
      ...(after && {
        OR: [{ createdAt: { lt: after } }, { createdAt: after, id: { lt: f.after!.id } }],
      }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: f.limit,
    select: changeRequestSelect,
  });
  return toRecords(rows);
}

/** One decision on a change request, with the approver's name. */
export interface DecisionRecord {
  id: string;
  approverId: string;
  approverName: string | null;
  decision: string;
  comment: string;
  createdAt: Date;
  invalidatedAt: Date | null;
}

/** Decisions on a change request, oldest first. */
export async function listDecisions(
  workspaceId: string,
  changeRequestId: string,
): Promise<DecisionRecord[]> {
  const rows = await getDb().approvalDecision.findMany({
    where: { workspaceId, changeRequestId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      approverId: true,
      decision: true,
      comment: true,
      createdAt: true,
      invalidatedAt: true,
    },
  });
  const named = await withAuthorNames(rows.map((r) => ({ ...r, authorId: r.approverId })));
  return named.map(({ authorId: _, authorName, ...r }) => ({ ...r, approverName: authorName }));
}
