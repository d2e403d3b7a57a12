import { findUserByEmail, findUserById, setPassword } from "@/lib/db/users";
import { recordAudit } from "@/lib/db/audit";
import { errors } from "./errors";
import { assertNotThrottled, recordFailedLogin, recordSuccessfulLogin } from "./login-throttle";
import { hashPassword, verifyPassword } from "./passwords";
import { startSession } from "./session";

/** The address used for per-address throttling (set from the socket by scripts/serve.mjs). */
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for") ?? "";
  return forwarded.split(",").at(-1)?.trim() || "unknown";
}

/** Checks email and password with throttling and starts a session; 401 or 429 otherwise. */
export async function signInWithPassword(
  email: string,
  password: string,
  address: string,
): Promise<{ mustChangePassword: boolean }> {
  await assertNotThrottled(email, address);
  const user = await findUserByEmail(email);
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok) {
    await recordFailedLogin(email, address);
    throw errors.unauthorized("Incorrect email or password.");
  }
  await recordSuccessfulLogin(email);
  await startSession(user);
  return { mustChangePassword: user.mustChangePassword };
}

/** Changes the caller's password after checking the current one, and renews their session. */
export async function changeOwnPassword(
  userId: string,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const user = await findUserById(userId);
  if (!user) throw errors.unauthorized();
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw errors.badRequest("The current password is incorrect.", {
      issues: [{ path: "currentPassword", message: "Incorrect password" }],
    });
  }
  if (currentPassword === newPassword) {
    throw errors.badRequest("Choose a password different from the current one.", {
      issues: [{ path: "newPassword", message: "Must differ from the current password" }],
    });
  }
  const updated = await setPassword(user.id, await hashPassword(newPassword), false);
  await recordAudit({
    workspaceId: null,
    actorId: user.id,
    action: "user.password_changed",
    targetType: "user",
    targetId: user.id,
  });
  await startSession(updated);
}
