import { z } from "zod";
import type { FlowPublishTargetDto } from "./endpoints";
import { cursorParam, optionalParam, pageSizeParam } from "./list-query";
import { labelNameSchema, type PromptDiffDto } from "./prompt-library";

/**
 * Change requests and the approval policy (issue 6). Responses: POST /api/change-requests (201),
 * GET /api/change-requests/:id and POST .../decisions, .../revise, .../cancel answer a
 * ChangeRequestDetailDto; GET /api/change-requests answers a ChangeRequestListDto;
 * GET /api/approvals/summary an ApprovalsSummaryDto; GET and PUT
 * /api/workspaces/active/approval-policy an ApprovalPolicyDto. Error codes: 403
 * `self_approval` (the author deciding), 403 `approval_required` (moving a protected label
 * directly), 409 `already_decided` (deciding a request that is not open, or twice).
 */

/** Kinds of change request; each kind is one small module in lib/server/governance/kinds. */
export const CHANGE_REQUEST_KINDS = ["prompt.label", "flow.publish"] as const;
/** One kind of change request. */
export type ChangeRequestKind = (typeof CHANGE_REQUEST_KINDS)[number];

/** Statuses of a change request; a request approves and applies in one step (`applied`). */
export const CHANGE_REQUEST_STATUSES = [
  "open",
  "approved",
  "rejected",
  "applied",
  "cancelled",
] as const;
/** One status. */
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];

/** What the 403 for an author deciding their own request says. */
export const SELF_APPROVAL_MESSAGE =
  "You opened this change request; another approver must decide it.";

/** Longest decision comment. */
export const MAX_DECISION_COMMENT = 4_000;

const recordId = z.string().min(1).max(64);
const titleSchema = z.string().trim().max(200, { message: "Use at most 200 characters" });
const descriptionSchema = z.string().trim().max(4_000, { message: "Use at most 4000 characters" });

/**
 * POST /api/change-requests: propose moving a (protected) label to a version, or (`flow.publish`,
 * issue 7) an endpoint, by id or slug, to a flow version that changes a model or managed prompt.
 */
export const createChangeRequestSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("prompt.label"),
    promptId: recordId,
    label: labelNameSchema,
    versionId: recordId,
    title: titleSchema.optional(),
    description: descriptionSchema.default(""),
  }),
  z
    .strictObject({
      kind: z.literal("flow.publish"),
      endpointId: recordId.optional(),
      slug: z.string().min(1).max(63).optional(),
      flowVersionId: recordId,
      title: titleSchema.optional(),
      description: descriptionSchema.default(""),
    })
    .refine((body) => (body.endpointId === undefined) !== (body.slug === undefined), {
      message: "Name the endpoint by endpointId or by slug",
      path: ["endpointId"],
    }),
]);
/** A create request body as sent. */
export type CreateChangeRequestInput = z.input<typeof createChangeRequestSchema>;

/** A comma-separated list of statuses (`open` or `applied,rejected`). */
const statusListSchema = z
  .string()
  .transform((value) => value.split(",").map((s) => s.trim()))
  .pipe(z.array(z.enum(CHANGE_REQUEST_STATUSES)).min(1).max(CHANGE_REQUEST_STATUSES.length));

/** GET /api/change-requests: filters and the keyset cursor of the next page (newest first). */
export const changeRequestListQuerySchema = z.object({
  status: optionalParam(statusListSchema),
  kind: z.enum(CHANGE_REQUEST_KINDS).optional(),
  cursor: cursorParam,
  limit: pageSizeParam(100, 50),
});

/** POST /api/change-requests/:id/decisions: a comment is required to reject. */
export const decisionSchema = z
  .strictObject({
    decision: z.enum(["approve", "reject"]),
    comment: z
      .string()
      .trim()
      .max(MAX_DECISION_COMMENT, { message: `Use at most ${MAX_DECISION_COMMENT} characters` })
      .default(""),
  })
  .refine((body) => body.decision === "approve" || body.comment.length > 0, {
    message: "Say why you reject the change",
    path: ["comment"],
  });
/** A decision body as sent. */
export type DecisionInput = z.input<typeof decisionSchema>;

/** POST /api/change-requests/:id/revise: point the open request at another version (author only). */
export const reviseChangeRequestSchema = z.strictObject({ versionId: recordId });

/** PUT /api/workspaces/active/approval-policy. */
export const approvalPolicySchema = z.strictObject({
  requiredApprovals: z.int().min(1).max(5),
  protectedLabels: z
    .array(labelNameSchema)
    .max(20)
    .refine((labels) => new Set(labels).size === labels.length, {
      message: "List each label once",
    }),
});
/** A workspace's approval policy (defaults: 1 approval, `production` protected). */
export type ApprovalPolicyDto = z.output<typeof approvalPolicySchema>;

/** The person behind a request or decision. */
export interface PersonDto {
  id: string;
  name: string;
}

/** What a `prompt.label` request moves: the label of a prompt, from one version to another. */
export interface PromptLabelTargetDto {
  promptId: string;
  promptName: string;
  label: string;
  version: number;
  versionId: string;
  /** Where the label pointed when the request was opened or last revised (null: nowhere). */
  fromVersion: number | null;
  fromVersionId: string | null;
}

/** A change request as lists show it; `approvals` counts valid (not invalidated) approvals. */
export interface ChangeRequestSummaryDto {
  id: string;
  kind: ChangeRequestKind;
  title: string;
  status: ChangeRequestStatus;
  author: PersonDto;
  createdAt: string;
  updatedAt: string;
  decidedAt: string | null;
  approvals: number;
  requiredApprovals: number;
  /** A `flow.publish` request's target is a FlowPublishTargetDto (the prompt-label fields plus its own). */
  target: PromptLabelTargetDto | FlowPublishTargetDto;
}

/** One approver's decision; an invalidated approval (the request was revised after it) no longer counts. */
export interface ChangeRequestDecisionDto {
  id: string;
  approver: PersonDto;
  decision: "approve" | "reject";
  comment: string;
  createdAt: string;
  invalidatedAt: string | null;
}

/** Whether the caller may do something, and if not, why (shown next to the disabled button). */
export interface PermissionDto {
  allowed: boolean;
  reason: string | null;
}

/** A change request with its description, decisions, the diff it proposes and what the caller may do. */
export interface ChangeRequestDetailDto extends ChangeRequestSummaryDto {
  description: string;
  decisions: ChangeRequestDecisionDto[];
  canDecide: PermissionDto;
  /** Revise and cancel: the author, while the request is open. */
  canManage: PermissionDto;
  /** The proposed change, from the label's version to the requested one (null when the label pointed nowhere). */
  diff: PromptDiffDto | null;
}

/** GET /api/change-requests. */
export interface ChangeRequestListDto {
  changeRequests: ChangeRequestSummaryDto[];
  nextCursor: string | null;
}

/** An open human-review task as the inbox badge counts it. */
export interface InboxTaskDto {
  id: string;
  runId: string;
  nodeId: string;
  createdAt: string;
}

/** GET /api/approvals/summary: what waits for the caller (requests they may decide, open review tasks). */
export interface ApprovalsSummaryDto {
  changeRequests: ChangeRequestSummaryDto[];
  humanTasks: InboxTaskDto[];
  /** changeRequests.length + humanTasks.length, for the badge. */
  total: number;
}
