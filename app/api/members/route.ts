import { addMemberSchema } from "@/lib/schemas/identity";
import { addMember, membersOf } from "@/lib/server/members";
import { created, route } from "@/lib/server/route";

/** GET /api/members: members of the active workspace. */
export const GET = route({ permission: "member.manage" }, async ({ ctx }) => ({
  members: await membersOf(ctx),
}));

/** POST /api/members: add a member with a temporary password. */
export const POST = route(
  { permission: "member.manage", body: addMemberSchema },
  async ({ ctx, body }) => created({ member: await addMember(ctx, body) }),
);
