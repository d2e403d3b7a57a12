import type { Role } from "@/lib/schemas/identity";

/** Everything a role can be allowed to do; route handlers name one of these. */
export type Action =
  | "workspace.read"
  | "flow.edit"
  | "flow.run"
  | "prompt.edit"
  | "change.approve"
  | "humanTask.decide"
  | "endpoint.manage"
  | "apiKey.manage"
  | "connection.manage"
  | "secret.manage"
  | "member.manage"
  | "policy.manage"
  | "audit.read";

const READ: Action[] = ["workspace.read"];
const EDIT: Action[] = [...READ, "flow.edit", "flow.run", "prompt.edit", "humanTask.decide"];

/** The one permission table: which actions each role grants. Membership roles are a union. */
export const PERMISSIONS: Record<Role, ReadonlySet<Action>> = {
  viewer: new Set(READ),
  editor: new Set(EDIT),
  engineer: new Set([
    ...EDIT,
    "endpoint.manage",
    "apiKey.manage",
    "connection.manage",
    "secret.manage",
  ]),
  approver: new Set([...READ, "change.approve", "humanTask.decide", "audit.read"]),
  admin: new Set<Action>([
    ...EDIT,
    "change.approve",
    "endpoint.manage",
    "apiKey.manage",
    "connection.manage",
    "secret.manage",
    "member.manage",
    "policy.manage",
    "audit.read",
  ]),
};

/** True when any of the roles grants the action. */
export function can(roles: readonly Role[], action: Action): boolean {
  return roles.some((role) => PERMISSIONS[role]?.has(action));
}
