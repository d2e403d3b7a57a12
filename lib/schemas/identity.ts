import { z } from "zod";

/** Roles a membership can hold; a member has a set of them. */
export const ROLES = ["viewer", "editor", "engineer", "approver", "admin"] as const;
/** One role name. */
export type Role = (typeof ROLES)[number];

/** An email address, trimmed and lower-cased. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address" }));
/** A new password: long enough to resist guessing, short enough to hash cheaply. */
export const newPasswordSchema = z
  .string()
  .min(10, { message: "Use at least 10 characters" })
  .max(200, { message: "Use at most 200 characters" });
const nameSchema = z.string().trim().min(1, { message: "Required" }).max(100);
const rolesSchema = z
  .array(z.enum(ROLES))
  .min(1, { message: "Pick at least one role" })
  .max(ROLES.length);

/** POST /api/setup: the first admin and their workspace. */
export const setupSchema = z.strictObject({
  name: nameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  workspaceName: nameSchema,
});

/** POST /api/login. */
export const loginSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, { message: "Required" }).max(200),
});

/** POST /api/me/password. */
export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, { message: "Required" }).max(200),
  newPassword: newPasswordSchema,
});

/** POST /api/workspaces. */
export const createWorkspaceSchema = z.strictObject({ name: nameSchema });

/** POST /api/workspaces/active. */
export const switchWorkspaceSchema = z.strictObject({ workspaceId: z.string().min(1).max(64) });

/** POST /api/members: add a new or existing user to the workspace. */
export const addMemberSchema = z.strictObject({
  email: emailSchema,
  name: nameSchema,
  roles: rolesSchema,
  temporaryPassword: newPasswordSchema,
});

/** PATCH /api/members/:id. */
export const updateMemberSchema = z.strictObject({ roles: rolesSchema });

/** POST /api/members/:id/reset-password. */
export const resetPasswordSchema = z.strictObject({ temporaryPassword: newPasswordSchema });

/** A member as the API returns it. */
export interface MemberDto {
  id: string;
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  mustChangePassword: boolean;
  createdAt: string;
}

/** GET /api/me. */
export interface MeDto {
  user: { id: string; email: string; name: string; mustChangePassword: boolean };
  workspace: { id: string; name: string };
  roles: Role[];
  workspaces: { id: string; name: string; roles: Role[] }[];
}
