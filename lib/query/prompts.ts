"use client";

import { useQuery } from "@tanstack/react-query";
import type { PromptSummaryDto } from "@/lib/schemas/prompts";
import { apiFetch } from "@/lib/query/api";
import { queryKeys } from "@/lib/query/keys";

/** Managed prompts of the workspace: names, labels with their versions, latest version. */
export function usePrompts(workspaceId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.prompts(workspaceId ?? ""),
    queryFn: ({ signal }) => apiFetch<{ prompts: PromptSummaryDto[] }>("/api/prompts", { signal }),
    select: (data) => data.prompts,
    enabled: Boolean(workspaceId),
  });
}
