import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/schemas/identity";
import { can, PERMISSIONS, type Action } from "./permissions";

/** Every action, checked against the Action union at compile time (a missing or extra key fails tsc). */
const ALL_ACTIONS = Object.keys({
  "workspace.read": true,
  "flow.edit": true,
  "flow.run": true,
  "prompt.edit": true,
  "change.approve": true,
  "humanTask.decide": true,
  "endpoint.manage": true,
  "apiKey.manage": true,
  "connection.manage": true,
  "secret.manage": true,
  "member.manage": true,
  "policy.manage": true,
  "audit.read": true,
} satisfies Record<Action, true>) as Action[];

function allowed(roles: Role[]): Action[] {
  return ALL_ACTIONS.filter((action) => can(roles, action));
}

describe("permission table", () => {
  it("has an entry for every role and grants only known actions", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) {
      for (const action of PERMISSIONS[role]) expect(ALL_ACTIONS).toContain(action);
    }
  });

  it("viewer only reads", () => {
    expect(allowed(["viewer"])).toEqual(["workspace.read"]);
  });

  it("editor edits and runs flows and prompts, but cannot manage members or connections or approve", () => {
    const editor = allowed(["editor"]);
    expect(editor).toEqual(
      expect.arrayContaining(["workspace.read", "flow.edit", "flow.run", "prompt.edit"]),
    );
    for (const action of [
      "member.manage",
      "connection.manage",
      "secret.manage",
      "change.approve",
      "endpoint.manage",
      "apiKey.manage",
      "policy.manage",
    ] as const) {
      expect(can(["editor"], action), action).toBe(false);
    }
  });

  it("engineer manages connections, secrets, endpoints and API keys, but not members", () => {
    for (const action of [
      "connection.manage",
      "secret.manage",
      "endpoint.manage",
      "apiKey.manage",
      "flow.edit",
    ] as const) {
      expect(can(["engineer"], action), action).toBe(true);
    }
    for (const action of ["member.manage", "change.approve", "policy.manage"] as const) {
      expect(can(["engineer"], action), action).toBe(false);
    }
  });

  it("approver approves changes and reads the audit log, but cannot edit flows or prompts", () => {
    for (const action of ["change.approve", "audit.read", "workspace.read"] as const) {
      expect(can(["approver"], action), action).toBe(true);
    }
    for (const action of [
      "flow.edit",
      "flow.run",
      "prompt.edit",
      "member.manage",
      "connection.manage",
      "secret.manage",
    ] as const) {
      expect(can(["approver"], action), action).toBe(false);
    }
  });

  it("admin can do everything", () => {
    expect(allowed(["admin"])).toEqual(ALL_ACTIONS);
  });

  it("no role but admin manages members or policies", () => {
    for (const role of ROLES.filter((r) => r !== "admin")) {
      expect(can([role], "member.manage"), role).toBe(false);
      expect(can([role], "policy.manage"), role).toBe(false);
    }
  });
});

describe("can() with several roles", () => {
  it("grants the union of the roles' actions", () => {
    const union = new Set([...allowed(["editor"]), ...allowed(["approver"])]);
    expect(new Set(allowed(["editor", "approver"]))).toEqual(union);
    expect(can(["editor", "approver"], "flow.edit")).toBe(true);
    expect(can(["editor", "approver"], "change.approve")).toBe(true);
    expect(can(["editor", "approver"], "member.manage")).toBe(false);
  });

  it("does not depend on role order or duplicates", () => {
    expect(allowed(["approver", "engineer"])).toEqual(
      allowed(["engineer", "approver", "engineer"]),
    );
  });

  it("grants nothing to an empty role set or an unknown role", () => {
    expect(allowed([])).toEqual([]);
    expect(allowed(["owner" as Role])).toEqual([]);
  });
});
