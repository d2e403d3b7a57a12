"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { AuditActorOption, AuditEventDto, AuditLogPage } from "@/lib/schemas/audit-log";
import { apiFetch } from "@/lib/query/api";

export type { AuditActorOption, AuditEventDto, AuditLogPage };

/** GET /api/audit parameters the page sets ("" means "any"); `action` lists names or prefixes. */
export interface AuditLogParams {
  action: string[];
  actorId: string;
  targetType: string;
  targetId: string;
  /** `YYYY-MM-DD` days, inclusive (UTC). */
  from: string;
  to: string;
}

const TEXT_PARAMS = ["actorId", "targetType", "targetId", "from", "to"] as const;

function auditSearch(params: AuditLogParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.action.length > 0) search.set("action", params.action.join(","));
  for (const name of TEXT_PARAMS) if (params[name].trim()) search.set(name, params[name].trim());
  return search;
}

/** GET /api/audit pages for the parameters, newest first; "Load more" fetches the next cursor. */
export function useAuditLog(workspaceId: string, params: AuditLogParams) {
  return useInfiniteQuery({
    queryKey: ["workspace", workspaceId, "audit", params] as const,
    queryFn: ({ pageParam, signal }) => {
      const search = auditSearch(params);
      if (pageParam) search.set("cursor", pageParam);
      return apiFetch<AuditLogPage>(`/api/audit?${search}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** One event with its whole snapshots (for rows whose list entry left them out); runs once enabled. */
export function useAuditEvent(workspaceId: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: ["workspace", workspaceId, "audit-event", id] as const,
    queryFn: ({ signal }) =>
      apiFetch<AuditEventDto>(`/api/audit/${encodeURIComponent(id)}`, { signal }),
    enabled,
    staleTime: Infinity,
  });
}

/** The actor filter's people: members and everyone who acted in the workspace. */
export function useAuditActors(workspaceId: string) {
  return useQuery({
    queryKey: ["workspace", workspaceId, "audit-actors"] as const,
    queryFn: ({ signal }) =>
      apiFetch<{ actors: AuditActorOption[] }>("/api/audit/actors", { signal }),
    select: (data) => data.actors,
  });
}
