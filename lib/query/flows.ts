"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { FlowDto, FlowSummaryDto, FlowWithIssuesDto } from "@/lib/schemas/flows";
import { ApiClientError, apiFetch } from "@/lib/query/api";
import { queryKeys } from "@/lib/query/keys";

export type { FlowSummaryDto } from "@/lib/schemas/flows";

/** How the flows list is ordered: most recently updated first, or by name. */
export type FlowSort = "updated" | "name";

/** The list's server-side filter: a name search and the order. */
export interface FlowListQuery {
  q: string;
  sort: FlowSort;
}

const flowPath = (flowId: string, rest = "") => `/api/flows/${encodeURIComponent(flowId)}${rest}`;

/** Flows of the workspace matching `q`, in `sort` order; keeps the last list while a new search loads. */
export function useFlows(workspaceId: string, { q, sort }: FlowListQuery) {
  const search = new URLSearchParams({ sort });
  if (q.trim()) search.set("q", q.trim());
  return useQuery({
    queryKey: [...queryKeys.flows(workspaceId), "list", { q: q.trim(), sort }],
    queryFn: ({ signal }) =>
      apiFetch<{ flows: FlowSummaryDto[] }>(`/api/flows?${search}`, { signal }),
    select: (data) => data.flows,
    placeholderData: keepPreviousData,
  });
}

function useInvalidateFlows(workspaceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.flows(workspaceId) });
}

/** Name and description of a flow, as the create and rename dialogs edit them. */
export interface FlowDetails {
  name: string;
  description: string;
}

/** POST /api/flows: a new flow (an Input wired to an Output). */
export function useCreateFlow(workspaceId: string) {
  const onSettled = useInvalidateFlows(workspaceId);
  return useMutation({
    mutationFn: (details: FlowDetails) =>
      apiFetch<{ flow: FlowDto }>("/api/flows", { method: "POST", json: details }),
    onSettled,
  });
}

/** PATCH /api/flows/:id with name and description at the revision the list showed (409 when stale). */
export function useRenameFlow(workspaceId: string) {
  const onSettled = useInvalidateFlows(workspaceId);
  return useMutation({
    mutationFn: ({ id, revision, ...details }: FlowDetails & { id: string; revision: number }) =>
      apiFetch<FlowWithIssuesDto>(flowPath(id), {
        method: "PATCH",
        json: { ...details, revision },
      }),
    onSettled,
  });
}

/** POST /api/flows/:id/duplicate: a copy named "<name> (copy)". */
export function useDuplicateFlow(workspaceId: string) {
  const onSettled = useInvalidateFlows(workspaceId);
  return useMutation({
    mutationFn: (flowId: string) =>
      apiFetch<{ flow: FlowDto }>(flowPath(flowId, "/duplicate"), { method: "POST" }),
    onSettled,
  });
}

/** DELETE /api/flows/:id (409 while an endpoint publishes it). */
export function useDeleteFlow(workspaceId: string) {
  const onSettled = useInvalidateFlows(workspaceId);
  return useMutation({
    mutationFn: (flowId: string) => apiFetch<void>(flowPath(flowId), { method: "DELETE" }),
    onSettled,
  });
}

/** POST /api/flows/import with a parsed document; the server validates it and never executes it. */
export function useImportFlow(workspaceId: string) {
  const onSettled = useInvalidateFlows(workspaceId);
  return useMutation({
    mutationFn: (document: unknown) =>
      apiFetch<FlowWithIssuesDto>("/api/flows/import", { method: "POST", json: document }),
    onSettled,
  });
}

/** The file name of a `Content-Disposition: attachment; filename="..."` header, if any. */
function attachmentName(header: string | null): string | null {
  return header?.match(/filename="([^"]+)"/)?.[1] ?? null;
}

/** GET /api/flows/:id/export: the portable document as a file and the name the server gave it. */
export async function fetchFlowExport(flowId: string): Promise<{ fileName: string; blob: Blob }> {
  let response: Response;
  try {
    response = await fetch(flowPath(flowId, "/export"), { credentials: "same-origin" });
  } catch {
    throw new ApiClientError(0, "network_error", "Could not reach the server. Try again.");
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw new ApiClientError(
      response.status,
      body?.error?.code ?? "http_error",
      body?.error?.message ?? `The export failed (HTTP ${response.status}).`,
    );
  }
  const fileName =
    attachmentName(response.headers.get("Content-Disposition")) ?? "flow.trellis.json";
  return { fileName, blob: await response.blob() };
}
