import { approvalPolicySchema } from "@/lib/schemas/change-requests";
import { policyOf, updatePolicy } from "@/lib/server/governance/policy";
import { route } from "@/lib/server/route";

/** GET /api/workspaces/active/approval-policy: required approvals and protected labels. */
export const GET = route({ permission: "workspace.read" }, ({ ctx }) => policyOf(ctx));

/** PUT /api/workspaces/active/approval-policy: replace it (admins; audited). */
export const PUT = route(
  { permission: "policy.manage", body: approvalPolicySchema },
  ({ ctx, body }) => updatePolicy(ctx, body),
);
