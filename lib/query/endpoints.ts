"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  EndpointDto,
  EndpointListDto,
  EndpointStatus,
  PublishEndpointInput,
} from "@/lib/schemas/endpoints";
import type { RunListPage } from "@/lib/schemas/run-list";
import { apiFetch } from "@/lib/query/api";
import { changeRequestsKey } from "@/lib/query/change-requests";

/** How often endpoint lists and pages refresh their traffic and in-flight counts. */
export const ENDPOINT_TRAFFIC_POLL_MS = 15_000;

/** Prefix of every endpoint query of a workspace (the list and each endpoint). */
export function endpointsKey(workspaceId: string) {
  return ["workspace", workspaceId, "endpoints"] as const;
}

function endpointKey(workspaceId: string, id: string) {
  return [...endpointsKey(workspaceId), "detail", id] as const;
}

const endpointPath = (id: string, rest = "") => `/api/endpoints/${encodeURIComponent(id)}${rest}`;

/** The workspace's endpoints with version, status and 24 h traffic; refreshed every 15 s. */
export function useEndpoints(workspaceId: string) {
  return useQuery({
    queryKey: [...endpointsKey(workspaceId), "list"],
    queryFn: ({ signal }) => apiFetch<EndpointListDto>("/api/endpoints", { signal }),
    select: (data) => data.endpoints,
    refetchInterval: ENDPOINT_TRAFFIC_POLL_MS,
  });
}

/** One endpoint with its traffic; refreshed every 15 s. */
export function useEndpoint(workspaceId: string, id: string) {
  return useQuery({
    queryKey: endpointKey(workspaceId, id),
    queryFn: ({ signal }) => apiFetch<{ endpoint: EndpointDto }>(endpointPath(id), { signal }),
    select: (data) => data.endpoint,
    refetchInterval: ENDPOINT_TRAFFIC_POLL_MS,
  });
}

function useInvalidateEndpoints(workspaceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: endpointsKey(workspaceId) });
}

/** POST /api/endpoints: publishes a saved flow version under a new slug (409 when taken). */
export function usePublishEndpoint(workspaceId: string) {
  const onSuccess = useInvalidateEndpoints(workspaceId);
  return useMutation({
    mutationFn: (input: PublishEndpointInput) =>
      apiFetch<{ endpoint: EndpointDto }>("/api/endpoints", { method: "POST", json: input }),
    onSuccess,
  });
}

/** POST /api/endpoints/:id/repoint (403 `approval_required` when models or prompts change). */
export function useRepointEndpoint(workspaceId: string) {
  const onSuccess = useInvalidateEndpoints(workspaceId);
  return useMutation({
    mutationFn: ({ id, flowVersionId }: { id: string; flowVersionId: string }) =>
      apiFetch<{ endpoint: EndpointDto }>(endpointPath(id, "/repoint"), {
        method: "POST",
        json: { flowVersionId },
      }),
    onSuccess,
  });
}

/** Pauses (drain) or resumes an endpoint. */
export function useSetEndpointStatus(workspaceId: string) {
  const onSuccess = useInvalidateEndpoints(workspaceId);
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: EndpointStatus }) =>
      apiFetch<{ endpoint: EndpointDto }>(
        endpointPath(id, status === "paused" ? "/pause" : "/resume"),
        { method: "POST" },
      ),
    onSuccess,
  });
}

/** DELETE /api/endpoints/:id: the slug stops answering; runs stay in history. */
export function useDeleteEndpoint(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(endpointPath(id), { method: "DELETE" }),
    // Only the list: refetching the deleted endpoint's page would flash "not found" before it navigates away.
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: [...endpointsKey(workspaceId), "list"] }),
  });
}

/** How many of the flow's newest endpoint runs are searched for the endpoint's own. */
const RECENT_RUNS_WINDOW = 50;

/**
 * The newest runs callers started through one endpoint: the flow's newest endpoint runs
 * (GET /api/runs, trigger endpoint) that came through this slug.
 */
export function useEndpointRecentRuns(workspaceId: string, endpoint: EndpointDto, limit = 5) {
  const search = new URLSearchParams({
    flowId: endpoint.flowId,
    trigger: "endpoint",
    limit: String(RECENT_RUNS_WINDOW),
  });
  return useQuery({
    queryKey: [...endpointsKey(workspaceId), "recent-runs", endpoint.flowId],
    queryFn: ({ signal }) => apiFetch<RunListPage>(`/api/runs?${search}`, { signal }),
    select: (data) =>
      data.items.filter((run) => run.endpointSlug === endpoint.slug).slice(0, limit),
    refetchInterval: ENDPOINT_TRAFFIC_POLL_MS,
  });
}

/**
 * POST /api/change-requests `{ kind: "flow.publish", endpointId, flowVersionId }`: asks approvers to
 * repoint an endpoint to a version that changes a model or a managed prompt; approval applies it.
 */
export function useRequestPublishApproval(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { endpointId: string; flowVersionId: string; description?: string }) =>
      apiFetch<{ id: string }>("/api/change-requests", {
        method: "POST",
        json: { kind: "flow.publish", ...input },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: changeRequestsKey(workspaceId) }),
  });
}
