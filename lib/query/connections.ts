"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ConnectionDto,
  createConnectionSchema,
  updateConnectionSchema,
} from "@/lib/schemas/settings";
import { apiFetch } from "@/lib/query/api";
import { queryKeys } from "@/lib/query/keys";

/** Body of POST /api/connections. */
export type CreateConnectionInput = z.input<typeof createConnectionSchema>;
/** Body of PATCH /api/connections/:id. */
export type UpdateConnectionInput = z.input<typeof updateConnectionSchema>;

/** Model connections of the workspace. */
export function useConnections(workspaceId: string) {
  return useQuery({
    queryKey: queryKeys.connections(workspaceId),
    queryFn: ({ signal }) =>
      apiFetch<{ connections: ConnectionDto[] }>("/api/connections", { signal }),
    select: (data) => data.connections,
  });
}

function useInvalidateConnections(workspaceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.connections(workspaceId) });
}

/** Creates an OpenAI-compatible connection. */
export function useCreateConnection(workspaceId: string) {
  const onSuccess = useInvalidateConnections(workspaceId);
  return useMutation({
    mutationFn: (input: CreateConnectionInput) =>
      apiFetch<unknown>("/api/connections", { method: "POST", json: input }),
    onSuccess,
  });
}

/** Updates a connection; a new base URL needs the key again. */
export function useUpdateConnection(workspaceId: string) {
  const onSuccess = useInvalidateConnections(workspaceId);
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateConnectionInput }) =>
      apiFetch<unknown>(`/api/connections/${encodeURIComponent(id)}`, {
        method: "PATCH",
        json: input,
      }),
    onSuccess,
  });
}

/** Deletes a connection. */
export function useDeleteConnection(workspaceId: string) {
  const onSuccess = useInvalidateConnections(workspaceId);
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch<void>(`/api/connections/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess,
  });
}
