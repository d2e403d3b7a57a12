"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SecretDto } from "@/lib/schemas/settings";
import { apiFetch } from "@/lib/query/api";
import { queryKeys } from "@/lib/query/keys";

/** Secrets of the workspace: names and dates, never values. */
export function useSecrets(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.secrets(workspaceId),
    queryFn: ({ signal }) => apiFetch<{ secrets: SecretDto[] }>("/api/secrets", { signal }),
    select: (data) => data.secrets,
  });
}

function useInvalidateSecrets(workspaceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.secrets(workspaceId) });
}

/** Creates a secret. */
export function useCreateSecret(workspaceId: string) {
  const onSuccess = useInvalidateSecrets(workspaceId);
  return useMutation({
    mutationFn: (input: { name: string; value: string }) =>
      apiFetch<unknown>("/api/secrets", { method: "POST", json: input }),
    onSuccess,
  });
}

/** Replaces a secret's value. */
export function useReplaceSecret(workspaceId: string) {
  const onSuccess = useInvalidateSecrets(workspaceId);
  return useMutation({
    mutationFn: ({ id, value }: { id: string; value: string }) =>
      apiFetch<unknown>(`/api/secrets/${encodeURIComponent(id)}`, {
        method: "PATCH",
        json: { value },
      }),
    onSuccess,
  });
}

/** Deletes a secret. */
export function useDeleteSecret(workspaceId: string) {
  const onSuccess = useInvalidateSecrets(workspaceId);
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<void>(`/api/secrets/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess,
  });
}
