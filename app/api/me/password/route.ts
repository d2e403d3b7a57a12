import { changePasswordSchema } from "@/lib/schemas/identity";
import { changeOwnPassword } from "@/lib/server/auth-service";
import { route } from "@/lib/server/route";

/** POST /api/me/password: change your own password (also clears a temporary one). */
export const POST = route(
  { auth: "user", allowPendingPasswordChange: true, body: changePasswordSchema },
  async ({ user, body }) => {
    await changeOwnPassword(user.id, body.currentPassword, body.newPassword);
    return { ok: true };
  },
);
