"use client";

import { useQuery } from "@tanstack/react-query";
import type { MeDto } from "@/lib/schemas/identity";
import { apiFetch } from "@/lib/query/api";
import { queryKeys } from "@/lib/query/keys";

/** The signed-in user, active workspace, roles and workspaces (GET /api/me). */
export function useMe() {
  return useQuery({
    queryKey: queryKeys.me(),
    queryFn: ({ signal }) => apiFetch<MeDto>("/api/me", { signal }),
  });
}
