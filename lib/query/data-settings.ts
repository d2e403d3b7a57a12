"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DataSettingsDto } from "@/lib/schemas/data-settings";
import { apiFetch } from "@/lib/query/api";

const PATH = "/api/workspaces/active/data-settings";
const dataSettingsKey = (workspaceId: string) =>
  ["workspace", workspaceId, "data-settings"] as const;

/** The workspace's run content retention and PII masking. */
export function useDataSettings(workspaceId: string) {
  return useQuery({
    queryKey: dataSettingsKey(workspaceId),
    queryFn: ({ signal }) => apiFetch<DataSettingsDto>(PATH, { signal }),
  });
}

/** Saves the workspace's retention and PII masking. */
export function useSaveDataSettings(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DataSettingsDto) =>
      apiFetch<DataSettingsDto>(PATH, { method: "PUT", json: input }),
    onSuccess: (data) => queryClient.setQueryData(dataSettingsKey(workspaceId), data),
  });
}
