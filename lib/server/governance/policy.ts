import type { z } from "zod";
import {
  findApprovalPolicy,
  saveApprovalPolicy,
  type ApprovalPolicyRecord,
} from "@/lib/db/approval-policy";
import type { ApprovalPolicyDto, approvalPolicySchema } from "@/lib/schemas/change-requests";
import { audit } from "../audit";
import type { WorkspaceContext } from "../workspace-context";

/** The active workspace's approval policy (defaults: one approval, `production` protected). */
export function policyOf(ctx: WorkspaceContext): Promise<ApprovalPolicyDto> {
  return findApprovalPolicy(ctx.workspace.id);
}

/** True when the policy protects the label. */
export function isProtected(policy: ApprovalPolicyRecord, label: string): boolean {
  return policy.protectedLabels.includes(label);
}

/** Replaces the workspace's approval policy (audited `policy.update`). */
export async function updatePolicy(
  ctx: WorkspaceContext,
  input: z.output<typeof approvalPolicySchema>,
): Promise<ApprovalPolicyDto> {
  const before = await findApprovalPolicy(ctx.workspace.id);
  const after = await saveApprovalPolicy(ctx.workspace.id, input);
  await audit(
    ctx,
    "policy.update",
    { type: "workspace", id: ctx.workspace.id },
    { before: { ...before }, after: { ...after } },
  );
  return after;
}
