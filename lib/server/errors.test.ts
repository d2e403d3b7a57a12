import { describe, expect, it } from "vitest";
import { z } from "zod";
import { addMemberSchema, setupSchema, updateMemberSchema } from "@/lib/schemas/identity";
import { createConnectionSchema } from "@/lib/schemas/settings";
import { ApiError, errorResponse, errors, fieldIssues, validationError } from "./errors";

const validMember = {
  email: "ada@example.com",
  name: "Ada",
  roles: ["editor"],
  temporaryPassword: "long-enough-pw",
};

function zodError(schema: z.ZodType, value: unknown): z.ZodError {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`Expected ${JSON.stringify(value)} to fail validation`);
  return result.error;
}

describe("fieldIssues", () => {
  it("lists each failing field by its dotted path", () => {
    const issues = fieldIssues(
      zodError(addMemberSchema, {
        ...validMember,
        email: "not-an-email",
        roles: ["editor", "owner"],
      }),
    );
    expect(issues.map((issue) => issue.path).sort()).toEqual(["email", "roles.1"]);
    expect(issues.find((issue) => issue.path === "email")?.message).toBe(
      "Enter a valid email address",
    );
  });

  it("names array elements by index (roles.0) and nested arrays (models.0)", () => {
    expect(
      fieldIssues(zodError(updateMemberSchema, { roles: ["superuser"] })).map((i) => i.path),
    ).toEqual(["roles.0"]);
    const connection = { name: "ok", apiKey: "k", models: ["  "] };
    expect(fieldIssues(zodError(createConnectionSchema, connection)).map((i) => i.path)).toEqual([
      "models.0",
    ]);
  });

  it("reports unknown keys of a strict schema at the root, naming the key", () => {
    const issues = fieldIssues(zodError(addMemberSchema, { ...validMember, isAdmin: true }));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe("(root)");
    expect(issues[0]!.message).toContain("isAdmin");
  });

  it("reports every missing required field", () => {
    const paths = fieldIssues(zodError(setupSchema, {})).map((i) => i.path);
    expect(paths.sort()).toEqual(["email", "name", "password", "workspaceName"]);
  });
});

describe("validationError", () => {
  it("is a 400 validation_failed carrying the field issues", () => {
    const error = validationError(zodError(updateMemberSchema, { roles: [] }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe("validation_failed");
    expect(error.message).toBe("Invalid request body.");
    expect(error.details).toEqual({
      issues: [{ path: "roles", message: "Pick at least one role" }],
    });
  });

  it("says where the bad input was", () => {
    expect(validationError(zodError(z.object({ id: z.string() }), {}), "path").message).toBe(
      "Invalid request path.",
    );
  });
});

describe("errorResponse", () => {
  it("serialises code, message and details with the error's status", async () => {
    const response = errorResponse(
      validationError(zodError(addMemberSchema, { ...validMember, email: "x" })),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: "validation_failed",
        message: "Invalid request body.",
        details: { issues: [{ path: "email", message: "Enter a valid email address" }] },
      },
    });
  });

  it("sends null details and the error's headers (Retry-After on 429)", async () => {
    const response = errorResponse(errors.rateLimited(42));
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("42");
    expect((await response.json()).error.code).toBe("rate_limited");
    expect((await errorResponse(errors.notFound("Member")).json()).error).toEqual({
      code: "not_found",
      message: "Member not found.",
      details: null,
    });
  });
});
