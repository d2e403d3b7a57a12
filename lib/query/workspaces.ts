"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/query/api";

/** Makes a workspace the active one (a cookie), then refetches every query. */
export function useSwitchWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (workspaceId: string) =>
      apiFetch<unknown>("/api/workspaces/active", { method: "POST", json: { workspaceId } }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

/** Creates a workspace; the caller is its admin. */
export function useCreateWorkspace() {
  return useMutation({
    mutationFn: (name: string) =>
      apiFetch<{ workspace: { id: string; name: string } }>("/api/workspaces", {
        method: "POST",
        json: { name },
      }),
  });
}
