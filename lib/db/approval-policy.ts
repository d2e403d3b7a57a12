import { getDb } from "./client";

/** A workspace's approval policy as stored (defaults when the workspace has no row). */
export interface ApprovalPolicyRecord {
  requiredApprovals: number;
  protectedLabels: string[];
}

const fields = { requiredApprovals: true, protectedLabels: true } as const;

/** The workspace's approval policy, or the defaults (one approval, `production` protected). */
export async function findApprovalPolicy(workspaceId: string): Promise<ApprovalPolicyRecord> {
  const row = await getDb().approvalPolicy.findUnique({ where: { workspaceId }, select: fields });
  return row ?? { requiredApprovals: 1, protectedLabels: ["production"] };
}

/** Stores the workspace's approval policy. */
export function saveApprovalPolicy(
  workspaceId: string,
  policy: ApprovalPolicyRecord,
): Promise<ApprovalPolicyRecord> {
  return getDb().approvalPolicy.upsert({
    where: { workspaceId },
    create: { workspaceId, ...policy },
    update: policy,
    select: fields,
  });
}
