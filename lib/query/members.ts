"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { addMemberSchema, MemberDto, Role } from "@/lib/schemas/identity";
import { apiFetch } from "@/lib/query/api";
import { queryKeys } from "@/lib/query/keys";

/** Body of POST /api/members. */
export type AddMemberInput = z.output<typeof addMemberSchema>;

/** Members of the workspace. */
export function useMembers(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.members(workspaceId),
    queryFn: ({ signal }) => apiFetch<{ members: MemberDto[] }>("/api/members", { signal }),
    select: (data) => data.members,
  });
}

function useInvalidateMembers(workspaceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.members(workspaceId) });
}

/** Adds a member with a temporary password. */
export function useAddMember(workspaceId: string) {
  const onSuccess = useInvalidateMembers(workspaceId);
  return useMutation({
    mutationFn: (input: AddMemberInput) =>
      apiFetch<{ member: MemberDto }>("/api/members", { method: "POST", json: input }),
    onSuccess,
  });
}

/** Replaces a member's roles. */
export function useUpdateMemberRoles(workspaceId: string) {
  const onSuccess = useInvalidateMembers(workspaceId);
  return useMutation({
    mutationFn: ({ id, roles }: { id: string; roles: Role[] }) =>
      apiFetch<unknown>(`/api/members/${encodeURIComponent(id)}`, {
        method: "PATCH",
        json: { roles },
      }),
    onSuccess,
  });
}

/** Sets a new temporary password the member must change at next sign-in. */
export function useResetMemberPassword(workspaceId: string) {
  const onSuccess = useInvalidateMembers(workspaceId);
  return useMutation({
    mutationFn: ({ id, temporaryPassword }: { id: string; temporaryPassword: string }) =>
      apiFetch<unknown>(`/api/members/${encodeURIComponent(id)}/reset-password`, {
        method: "POST",
        json: { temporaryPassword },
      }),
    onSuccess,
  });
}

/** Removes a member from the workspace. */
export function useRemoveMember(workspaceId: string) {
  const onSuccess = useInvalidateMembers(workspaceId);
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<void>(`/api/members/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess,
  });
}
