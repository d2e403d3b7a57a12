"use client";

import { Users } from "lucide-react";
import { AddMemberDialog } from "@/components/settings/members/add-member-dialog";
import { MembersTable } from "@/components/settings/members/members-table";
import { ListError } from "@/components/settings/list-error";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ListSkeleton } from "@/components/ui/skeleton";
import { useMembers } from "@/lib/query/members";

/** The Members settings page: who has access to this workspace and with which roles. */
export function MembersView({
  workspaceId,
  currentUserId,
}: {
  workspaceId: string;
  currentUserId: string;
}) {
  const members = useMembers(workspaceId);
  return (
    <>
      <PageHeader
        title="Members"
        description="People who can use this workspace. Roles decide what each member can see and change."
        actions={<AddMemberDialog workspaceId={workspaceId} />}
      />
      {members.isPending ? (
        <ListSkeleton label="Loading members…" />
      ) : members.isError ? (
        <ListError what="members" error={members.error} onRetry={() => void members.refetch()} />
      ) : members.data.length === 0 ? (
        <EmptyState icon={Users} title="No members">
          Add a member to give someone access to this workspace.
        </EmptyState>
      ) : (
        <MembersTable
          workspaceId={workspaceId}
          currentUserId={currentUserId}
          members={members.data}
        />
      )}
    </>
  );
}
