import { z } from "zod";
import { defineNode } from "@/lib/engine/define-node";
import { NodeError } from "@/lib/engine/errors";

const configSchema = z.strictObject({
  instructions: z
    .string()
    .min(1)
    .max(10_000)
    .meta({ title: "Instructions", description: "What the reviewer should check." }),
  allowEdit: z
    .boolean()
    .default(true)
    .meta({ title: "Allow edits", description: "The reviewer may replace the draft." }),
});
/** The Human review node's configuration. */
export type HumanReviewConfig = z.infer<typeof configSchema>;

const common = {
  comment: z.string().max(10_000).optional(),
  reviewer: z.string().max(200).optional(),
};

/** A reviewer's decision, as the run service hands it to the resumed node. */
export const reviewDecisionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("approve"), ...common }),
  z.object({
    action: z.literal("edit"),
    value: z.unknown().refine((value) => value !== undefined, { message: "An edit needs a value" }),
    ...common,
  }),
  z.object({ action: z.literal("reject"), ...common }),
]);
/** A review decision. */
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** What the review task shows: the instructions, the draft, and whether it may be edited. */
export interface ReviewPayload {
  instructions: string;
  draft: unknown;
  allowEdit: boolean;
}

/** Suspends the run until a reviewer approves, edits or rejects the draft; one port per outcome. */
export const humanReviewNode = defineNode<HumanReviewConfig>({
  type: "human-review",
  version: 1,
  ui: {
    label: "Human review",
    category: "human",
    icon: "user-check",
    description: "Pauses the run for a reviewer to approve, edit or reject.",
  },
  config: configSchema,
  capabilities: { suspends: true, branches: true },
  ports: {
    inputs: [{ name: "in", type: "any", label: "Draft" }],
    outputs: [
      { name: "approved", type: "any", label: "Approved" },
      { name: "edited", type: "any", label: "Edited" },
      { name: "rejected", type: "json", label: "Rejected" },
    ],
  },
  async execute({ config, inputs }, ctx) {
    const draft = inputs.in;
    if (ctx.decision === undefined) {
      const payload: ReviewPayload = {
        instructions: config.instructions,
        draft,
        allowEdit: config.allowEdit,
      };
      return { suspend: { payload } };
    }
    const parsed = reviewDecisionSchema.safeParse(ctx.decision);
    if (!parsed.success) {
      const detail = parsed.error.issues
        .map((i) => `${i.path.join(".") || "decision"}: ${i.message}`)
        .join("; ");
      throw new NodeError(`Invalid review decision (${detail})`, "invalid_decision", {
        retryable: false,
      });
    }
    const decision = parsed.data;
    switch (decision.action) {
      case "approve":
        return { outputs: { approved: draft } };
      case "edit":
        if (!config.allowEdit) {
          throw new NodeError("This review does not allow edits", "edit_not_allowed", {
            retryable: false,
          });
        }
        return { outputs: { edited: decision.value } };
      case "reject":
        return { outputs: { rejected: { draft, comment: decision.comment ?? null } } };
    }
  },
});
