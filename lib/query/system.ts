"use client";

import { useQuery } from "@tanstack/react-query";
import type { SystemStatusDto } from "@/lib/schemas/system";
import { apiFetch } from "@/lib/query/api";

/** Refresh as often as workers send heartbeats. */
const REFRESH_MS = 5_000;

/** The System page's figures, refreshed every few seconds. */
export function useSystemStatus(workspaceId: string) {
  return useQuery({
    queryKey: ["workspace", workspaceId, "system"] as const,
    queryFn: ({ signal }) => apiFetch<SystemStatusDto>("/api/system", { signal }),
    refetchInterval: REFRESH_MS,
  });
}
