import type { Metadata } from "next";
import { MembersView } from "@/components/settings/members/members-view";
import { requirePageContext } from "@/lib/server/page-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Members" };

/** Members settings (admins only: `member.manage`). */
export default async function MembersPage() {
  const ctx = await requirePageContext("member.manage");
  return <MembersView workspaceId={ctx.workspace.id} currentUserId={ctx.user.id} />;
}
