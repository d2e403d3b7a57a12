"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ChangeRequestDetailDto } from "@/lib/schemas/change-requests";
import type { PromptDetailDto, PromptLabelMoveDto } from "@/lib/schemas/prompt-library";
import { apiFetch } from "@/lib/query/api";
import { changeRequestsKey } from "@/lib/query/change-requests";
import { promptKey, promptPath, useInvalidatePrompts } from "@/lib/query/prompts";

const labelPath = (promptId: string, label: string, rest = "") =>
  promptPath(promptId, `/labels/${encodeURIComponent(label)}${rest}`);

/** Every move of a label, newest first (for the rollback picker). */
export function useLabelHistory(workspaceId: string, promptId: string, label: string | null) {
  return useQuery({
    queryKey: [...promptKey(workspaceId, promptId), "label-history", label] as const,
    queryFn: ({ signal }) =>
      apiFetch<{ moves: PromptLabelMoveDto[] }>(labelPath(promptId, label ?? "", "/history"), {
        signal,
      }),
    select: (data) => data.moves,
    enabled: label !== null,
  });
}

/** POST /api/prompts/:id/labels: a custom label at a version. */
export function useCreateLabel(workspaceId: string, promptId: string) {
  const onSettled = useInvalidatePrompts(workspaceId);
  return useMutation({
    mutationFn: (input: { name: string; versionId: string }) =>
      apiFetch<{ prompt: PromptDetailDto }>(promptPath(promptId, "/labels"), {
        method: "POST",
        json: input,
      }),
    onSettled,
  });
}

/** PUT /api/prompts/:id/labels/:label: moves an unprotected label (403 `approval_required` otherwise). */
export function useMoveLabel(workspaceId: string, promptId: string) {
  const onSettled = useInvalidatePrompts(workspaceId);
  return useMutation({
    mutationFn: ({ label, versionId }: { label: string; versionId: string }) =>
      apiFetch<{ prompt: PromptDetailDto }>(labelPath(promptId, label), {
        method: "PUT",
        json: { versionId },
      }),
    onSettled,
  });
}

/** DELETE /api/prompts/:id/labels/:label (custom labels only). */
export function useDeleteLabel(workspaceId: string, promptId: string) {
  const onSettled = useInvalidatePrompts(workspaceId);
  return useMutation({
    mutationFn: (label: string) =>
      apiFetch<{ prompt: PromptDetailDto }>(labelPath(promptId, label), { method: "DELETE" }),
    onSettled,
  });
}

/** POST .../labels/:label/rollback: an approver moves a label back at once, with a reason. */
export function useRollbackLabel(workspaceId: string, promptId: string) {
  const onSettled = useInvalidatePrompts(workspaceId);
  return useMutation({
    mutationFn: ({ label, ...body }: { label: string; versionId: string; reason: string }) =>
      apiFetch<{ prompt: PromptDetailDto }>(labelPath(promptId, label, "/rollback"), {
        method: "POST",
        json: body,
      }),
    onSettled,
  });
}

/** Refetches the prompt pages and the change-request lists after a request is opened or revised. */
function useInvalidateRequests(workspaceId: string) {
  const queryClient = useQueryClient();
  const invalidatePrompts = useInvalidatePrompts(workspaceId);
  return () =>
    Promise.all([
      invalidatePrompts(),
      queryClient.invalidateQueries({ queryKey: changeRequestsKey(workspaceId) }),
    ]);
}

/** POST /api/change-requests: asks approvers to move a protected label to a version. */
export function useRequestLabelChange(workspaceId: string, promptId: string) {
  const onSettled = useInvalidateRequests(workspaceId);
  return useMutation({
    mutationFn: (input: {
      label: string;
      versionId: string;
      title?: string;
      description?: string;
    }) =>
      apiFetch<ChangeRequestDetailDto>("/api/change-requests", {
        method: "POST",
        json: { kind: "prompt.label", promptId, ...input },
      }),
    onSettled,
  });
}

/** POST /api/change-requests/:id/revise: points an open request at another version (approvals so far lapse). */
export function useReviseChangeRequest(workspaceId: string) {
  const onSettled = useInvalidateRequests(workspaceId);
  return useMutation({
    mutationFn: ({ id, versionId }: { id: string; versionId: string }) =>
      apiFetch<ChangeRequestDetailDto>(`/api/change-requests/${encodeURIComponent(id)}/revise`, {
        method: "POST",
        json: { versionId },
      }),
    onSettled,
  });
}
