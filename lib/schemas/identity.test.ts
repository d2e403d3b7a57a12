import { describe, expect, it } from "vitest";
import {
  addMemberSchema,
  changePasswordSchema,
  emailSchema,
  loginSchema,
  resetPasswordSchema,
  setupSchema,
  updateMemberSchema,
} from "./identity";

const validSetup = {
  name: "Ada",
  email: "ada@example.com",
  password: "correct horse battery",
  workspaceName: "Acme",
};

function issuePaths(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[] }[] };
}): string[] {
  return (result.error?.issues ?? []).map((issue) => issue.path.map(String).join("."));
}

describe("emailSchema", () => {
  it("trims and lower-cases the address", () => {
    expect(emailSchema.parse("  Ada.Lovelace@Example.COM \n")).toBe("ada.lovelace@example.com");
  });

  it.each(["", "ada", "ada@", "@example.com", "ada @example.com", "ada@example"])(
    "rejects %j",
    (value) => {
      expect(emailSchema.safeParse(value).success).toBe(false);
    },
  );
});

describe("setupSchema", () => {
  it("accepts a valid first admin and normalises the email and names", () => {
    expect(
      setupSchema.parse({ ...validSetup, email: " ADA@Example.com", name: "  Ada  " }),
    ).toEqual({
      ...validSetup,
      name: "Ada",
    });
  });

  it("refuses unknown keys", () => {
    const result = setupSchema.safeParse({ ...validSetup, roles: ["admin"] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe("unrecognized_keys");
  });

  it("requires a password of 10 to 200 characters", () => {
    expect(issuePaths(setupSchema.safeParse({ ...validSetup, password: "short" }))).toEqual([
      "password",
    ]);
    expect(issuePaths(setupSchema.safeParse({ ...validSetup, password: "x".repeat(201) }))).toEqual(
      ["password"],
    );
    expect(setupSchema.safeParse({ ...validSetup, password: "x".repeat(10) }).success).toBe(true);
  });

  it("rejects blank names", () => {
    expect(
      issuePaths(setupSchema.safeParse({ ...validSetup, name: "   ", workspaceName: "" })).sort(),
    ).toEqual(["name", "workspaceName"]);
  });
});

describe("member schemas", () => {
  const member = {
    email: "Bob@Example.com",
    name: "Bob",
    roles: ["editor", "approver"],
    temporaryPassword: "temporary-pw-1",
  };

  it("accepts a new member with a set of roles and lower-cases the email", () => {
    expect(addMemberSchema.parse(member)).toEqual({ ...member, email: "bob@example.com" });
  });

  it("rejects unknown roles by index and an empty role set", () => {
    expect(issuePaths(addMemberSchema.safeParse({ ...member, roles: ["editor", "root"] }))).toEqual(
      ["roles.1"],
    );
    expect(issuePaths(updateMemberSchema.safeParse({ roles: [] }))).toEqual(["roles"]);
  });

  it("refuses unknown keys on every strict schema", () => {
    for (const [schema, valid] of [
      [addMemberSchema, member],
      [updateMemberSchema, { roles: ["viewer"] }],
      [resetPasswordSchema, { temporaryPassword: "temporary-pw-1" }],
      [loginSchema, { email: "a@b.co", password: "x" }],
      [changePasswordSchema, { currentPassword: "x", newPassword: "long-enough-pw" }],
    ] as const) {
      expect(schema.safeParse(valid).success).toBe(true);
      const result = schema.safeParse({ ...valid, mustChangePassword: false });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.code).toBe("unrecognized_keys");
    }
  });
});
