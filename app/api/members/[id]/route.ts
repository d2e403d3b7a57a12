import { updateMemberSchema } from "@/lib/schemas/identity";
import { changeMemberRoles, removeMember } from "@/lib/server/members";
import { idParams, route } from "@/lib/server/route";

/** PATCH /api/members/:id: replace the member's roles. */
export const PATCH = route(
  { permission: "member.manage", params: idParams, body: updateMemberSchema },
  async ({ ctx, params, body }) => ({
    member: await changeMemberRoles(ctx, params.id, body.roles),
  }),
);

/** DELETE /api/members/:id: remove the member from the workspace. */
export const DELETE = route(
  { permission: "member.manage", params: idParams },
  async ({ ctx, params }) => {
    await removeMember(ctx, params.id);
  },
);
