import { describe, expect, it } from "vitest";
import {
  approvalPolicySchema,
  changeRequestListQuerySchema,
  createChangeRequestSchema,
  decisionSchema,
} from "./change-requests";
import { createPromptSchema, labelNameSchema, promptNameSchema } from "./prompt-library";

describe("change request schemas", () => {
  it("requires a comment to reject, not to approve", () => {
    expect(decisionSchema.parse({ decision: "approve" })).toEqual({
      decision: "approve",
      comment: "",
    });
    const reject = decisionSchema.safeParse({ decision: "reject", comment: "  " });
    expect(reject.error?.issues).toMatchObject([
      { path: ["comment"], message: "Say why you reject the change" },
    ]);
    expect(
      decisionSchema.safeParse({ decision: "approve", comment: "x".repeat(4_001) }).success,
    ).toBe(false);
    expect(decisionSchema.safeParse({ decision: "maybe" }).success).toBe(false);
  });

  it("reads comma-separated statuses and ignores empty filters", () => {
    expect(changeRequestListQuerySchema.parse({ status: "applied, rejected" })).toMatchObject({
      status: ["applied", "rejected"],
      limit: 50,
    });
    expect(changeRequestListQuerySchema.parse({ status: "" }).status).toBeUndefined();
    expect(changeRequestListQuerySchema.safeParse({ status: "open,done" }).success).toBe(false);
    expect(changeRequestListQuerySchema.safeParse({ cursor: "garbage!" }).success).toBe(false);
  });

  it("knows only the prompt.label kind and checks its label name", () => {
    const body = { kind: "prompt.label", promptId: "p", label: "production", versionId: "v" };
    expect(createChangeRequestSchema.parse(body)).toMatchObject({ description: "" });
    expect(createChangeRequestSchema.safeParse({ ...body, kind: "flow.publish" }).success).toBe(
      false,
    );
    expect(createChangeRequestSchema.safeParse({ ...body, label: "Prod" }).success).toBe(false);
  });

  it("bounds the policy: 1-5 approvals, each protected label once", () => {
    expect(
      approvalPolicySchema.safeParse({ requiredApprovals: 0, protectedLabels: [] }).success,
    ).toBe(false);
    expect(
      approvalPolicySchema.safeParse({ requiredApprovals: 5, protectedLabels: ["a", "a"] }).success,
    ).toBe(false);
    expect(
      approvalPolicySchema.parse({
        requiredApprovals: 5,
        protectedLabels: ["production", "eu-prod"],
      }),
    ).toEqual({
      requiredApprovals: 5,
      protectedLabels: ["production", "eu-prod"],
    });
  });
});

describe("prompt library schemas", () => {
  it("accepts slug-like prompt names and label names", () => {
    expect(promptNameSchema.safeParse("support-reply.v2_b").success).toBe(true);
    for (const bad of ["", "-lead", "Upper", "has space", "x".repeat(81)])
      expect(promptNameSchema.safeParse(bad).success).toBe(false);
    expect(labelNameSchema.safeParse("canary-2").success).toBe(true);
    for (const bad of ["2nd", "a.b", "x".repeat(41)])
      expect(labelNameSchema.safeParse(bad).success).toBe(false);
  });

  it("refuses templates with errors and keeps warnings out of the way", () => {
    const base = { name: "p", template: "" };
    expect(
      createPromptSchema.safeParse({ ...base, template: 'JSON: {"a": {"b": 1}}' }).success,
    ).toBe(true);
    const bad = createPromptSchema.safeParse({ ...base, template: "{{ constructor }}" });
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      [
        "template",
        'Line 1, column 4: "constructor" cannot be used in a template: it names a JavaScript prototype property.',
      ],
    ]);
    expect(createPromptSchema.safeParse({ ...base, model: { connection: "c" } }).success).toBe(
      false,
    );
    expect(createPromptSchema.safeParse({ ...base, parameters: { temperature: 3 } }).success).toBe(
      false,
    );
  });
});
