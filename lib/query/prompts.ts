"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { PromptSummaryDto } from "@/lib/schemas/prompts";
import type {
  createPromptSchema,
  PromptDetailDto,
  PromptDiffDto,
  PromptVersionDto,
  savePromptVersionSchema,
} from "@/lib/schemas/prompt-library";
import { apiFetch } from "@/lib/query/api";
import { queryKeys } from "@/lib/query/keys";

/** The API path of a prompt, or of something under it. */
export const promptPath = (promptId: string, rest = "") =>
  `/api/prompts/${encodeURIComponent(promptId)}${rest}`;

/** Query key of one prompt and everything fetched under it (versions, diffs, label history). */
export const promptKey = (workspaceId: string, promptId: string) =>
  [...queryKeys.prompts(workspaceId), "detail", promptId] as const;

/** Refetches the prompts list and every prompt's details after a change. */
export function useInvalidatePrompts(workspaceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.prompts(workspaceId) });
}

/** Managed prompts of the workspace: names, labels with their versions, latest version. */
export function usePrompts(workspaceId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.prompts(workspaceId ?? ""),
    queryFn: ({ signal }) => apiFetch<{ prompts: PromptSummaryDto[] }>("/api/prompts", { signal }),
    select: (data) => data.prompts,
    enabled: Boolean(workspaceId),
  });
}

/** One prompt with its labels, versions, latest version and open change requests. */
export function usePrompt(workspaceId: string, promptId: string) {
  return useQuery({
    queryKey: promptKey(workspaceId, promptId),
    queryFn: ({ signal }) =>
      apiFetch<{ prompt: PromptDetailDto }>(promptPath(promptId), { signal }),
    select: (data) => data.prompt,
  });
}

const versionQuery = (workspaceId: string, promptId: string, version: number | null) => ({
  queryKey: [...promptKey(workspaceId, promptId), "version", version] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    apiFetch<{ version: PromptVersionDto }>(promptPath(promptId, `/versions/${version}`), {
      signal,
    }),
  staleTime: Infinity,
});

/** One version of a prompt by number; versions never change, so it is fetched once. */
export function usePromptVersion(workspaceId: string, promptId: string, version: number | null) {
  return useQuery({
    ...versionQuery(workspaceId, promptId, version),
    select: (data) => data.version,
    enabled: version !== null,
  });
}

/** Reads one version (from the cache when it was fetched before), for loading it into the editor. */
export function useFetchPromptVersion(workspaceId: string, promptId: string) {
  const queryClient = useQueryClient();
  return async (version: number) =>
    (await queryClient.fetchQuery(versionQuery(workspaceId, promptId, version))).version;
}

/** What changed from version `from` to version `to` (template lines, model and parameters). */
export function usePromptDiff(
  workspaceId: string,
  promptId: string,
  from: number | null,
  to: number | null,
) {
  return useQuery({
    queryKey: [...promptKey(workspaceId, promptId), "diff", from, to] as const,
    queryFn: ({ signal }) =>
      apiFetch<PromptDiffDto>(promptPath(promptId, `/diff?from=${from}&to=${to}`), { signal }),
    enabled: from !== null && to !== null,
    staleTime: Infinity,
  });
}

/** POST /api/prompts: a new prompt with its first version. */
export function useCreatePrompt(workspaceId: string) {
  const onSettled = useInvalidatePrompts(workspaceId);
  return useMutation({
    mutationFn: (input: z.input<typeof createPromptSchema>) =>
      apiFetch<{ prompt: PromptDetailDto }>("/api/prompts", { method: "POST", json: input }),
    onSettled,
  });
}

/** POST /api/prompts/:id/versions; 409 `version_conflict` when `baseVersion` is no longer the latest. */
export function useSavePromptVersion(workspaceId: string, promptId: string) {
  const onSettled = useInvalidatePrompts(workspaceId);
  return useMutation({
    mutationFn: (input: z.input<typeof savePromptVersionSchema>) =>
      apiFetch<{ version: PromptVersionDto }>(promptPath(promptId, "/versions"), {
        method: "POST",
        json: input,
      }),
    onSettled,
  });
}

/** PATCH /api/prompts/:id with a new description. */
export function useUpdatePromptDescription(workspaceId: string, promptId: string) {
  const onSettled = useInvalidatePrompts(workspaceId);
  return useMutation({
    mutationFn: (description: string) =>
      apiFetch<{ prompt: PromptDetailDto }>(promptPath(promptId), {
        method: "PATCH",
        json: { description },
      }),
    onSettled,
  });
}
