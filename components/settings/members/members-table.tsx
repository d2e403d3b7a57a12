"use client";

import { Timestamp } from "@/components/approvals/relative-time";
import { MemberActions } from "@/components/settings/members/member-actions";
import { ROLE_LABELS } from "@/components/settings/members/roles";
import { formatDate } from "@/components/settings/format";
import { Badge } from "@/components/ui/badge";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { MemberDto } from "@/lib/schemas/identity";

/** The members table: name, email, roles, status, added date and row actions. */
export function MembersTable({
  workspaceId,
  currentUserId,
  members,
}: {
  workspaceId: string;
  currentUserId: string;
  members: MemberDto[];
}) {
  return (
    <Table aria-label="Members">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Name</TableHead>
          <TableHead>Email</TableHead>
          <TableHead>Roles</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Added</TableHead>
          <TableHead className="w-12">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.map((member) => {
          const isSelf = member.userId === currentUserId;
          return (
            <TableRow key={member.id}>
              <TableCell className="font-medium">
                <span className="flex items-center gap-2">
                  {member.name}
                  {isSelf && <Badge variant="outline">You</Badge>}
                </span>
              </TableCell>
              <TableCell className="text-muted-foreground">{member.email}</TableCell>
              <TableCell>
                <span className="flex flex-wrap gap-1">
                  {member.roles.map((role) => (
                    <Badge key={role} variant={role === "admin" ? "info" : "secondary"}>
                      {ROLE_LABELS[role]}
                    </Badge>
                  ))}
                </span>
              </TableCell>
              <TableCell>
                {member.mustChangePassword ? (
                  <Badge variant="warning">Must change password</Badge>
                ) : (
                  <Badge variant="success">Active</Badge>
                )}
              </TableCell>
              <TableCell className="whitespace-nowrap text-muted-foreground">
                <Timestamp iso={member.createdAt} format={formatDate} />
              </TableCell>
              <TableCell className="text-right">
                <MemberActions workspaceId={workspaceId} member={member} isSelf={isSelf} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
