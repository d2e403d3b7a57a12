"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ApiKeyDto,
  ApiKeyListDto,
  CreateApiKeyInput,
  CreatedApiKeyDto,
} from "@/lib/schemas/api-keys";
import { apiFetch } from "@/lib/query/api";

/** Query key of the workspace's API keys. */
export function apiKeysKey(workspaceId: string) {
  return ["workspace", workspaceId, "api-keys"] as const;
}

/** The workspace's API keys, revoked ones included, newest first (never their secrets). */
export function useApiKeys(workspaceId: string) {
  return useQuery({
    queryKey: apiKeysKey(workspaceId),
    queryFn: ({ signal }) => apiFetch<ApiKeyListDto>("/api/api-keys", { signal }),
    select: (data) => data.apiKeys,
  });
}

function useInvalidateApiKeys(workspaceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: apiKeysKey(workspaceId) });
}

/** POST /api/api-keys: the answer holds the secret and webhook secret, this once. */
export function useCreateApiKey(workspaceId: string) {
  const onSuccess = useInvalidateApiKeys(workspaceId);
  return useMutation({
    mutationFn: (input: CreateApiKeyInput) =>
      apiFetch<CreatedApiKeyDto>("/api/api-keys", { method: "POST", json: input }),
    onSuccess,
  });
}

/** POST /api/api-keys/:id/revoke: the key answers 401 from now on. */
export function useRevokeApiKey(workspaceId: string) {
  const onSuccess = useInvalidateApiKeys(workspaceId);
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ apiKey: ApiKeyDto }>(`/api/api-keys/${encodeURIComponent(id)}/revoke`, {
        method: "POST",
      }),
    onSuccess,
  });
}
