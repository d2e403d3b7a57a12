import { resetPasswordSchema } from "@/lib/schemas/identity";
import { resetMemberPassword } from "@/lib/server/members";
import { idParams, route } from "@/lib/server/route";

/** POST /api/members/:id/reset-password: set a temporary password the member must change. */
export const POST = route(
  { permission: "member.manage", params: idParams, body: resetPasswordSchema },
  async ({ ctx, params, body }) => {
    await resetMemberPassword(ctx, params.id, body.temporaryPassword);
    return { ok: true };
  },
);
