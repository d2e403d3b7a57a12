"use client";

import { FileText, Plus, SearchX } from "lucide-react";
import { useId, useMemo, useState } from "react";
import { ListError } from "@/components/settings/list-error";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { PageHeader } from "@/components/ui/page-header";
import { SearchInput } from "@/components/ui/search-input";
import { ListSkeleton } from "@/components/ui/skeleton";
import { usePrompts } from "@/lib/query/prompts";
import type { PromptSummaryDto } from "@/lib/schemas/prompts";
import { NewPromptDialog } from "./new-prompt-dialog";
import { PromptsTable } from "./prompts-table";

/** Prompts whose name or description contains the search, ignoring case. */
function matching(prompts: PromptSummaryDto[], search: string): PromptSummaryDto[] {
  const needle = search.trim().toLowerCase();
  if (!needle) return prompts;
  return prompts.filter(
    (p) => p.name.toLowerCase().includes(needle) || p.description.toLowerCase().includes(needle),
  );
}

/** The Prompts page: search the workspace's managed prompts; with `prompt.edit`, create one. */
export function PromptsView({ workspaceId, canEdit }: { workspaceId: string; canEdit: boolean }) {
  const prompts = usePrompts(workspaceId);
  const [search, setSearch] = useState("");
  const [creating, setCreating] = useState(false);
  const searchId = useId();
  const shown = useMemo(() => matching(prompts.data ?? [], search), [prompts.data, search]);
  const q = search.trim();

  const createButton = canEdit && (
    <Button onClick={() => setCreating(true)}>
      <Plus aria-hidden />
      New prompt
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Prompts"
        description="Versioned prompt templates that LLM steps reference by name and label. Every save is a new version; labels such as production point at one."
        actions={createButton}
      />
      <div className="flex flex-col gap-4">
        {prompts.isPending ? (
          <ListSkeleton rows={4} label="Loading prompts…" />
        ) : prompts.isError ? (
          <ListError what="prompts" error={prompts.error} onRetry={() => void prompts.refetch()} />
        ) : prompts.data.length === 0 ? (
          <EmptyState icon={FileText} title="No managed prompts yet" action={createButton}>
            A managed prompt gets immutable versions and production or staging labels, so a prompt
            can change without editing every flow that uses it.
            {!canEdit && " Ask an editor to create the first one."}
          </EmptyState>
        ) : (
          <>
            <div className="flex flex-col gap-1.5 sm:max-w-md">
              <Label htmlFor={searchId}>Search prompts</Label>
              <SearchInput
                id={searchId}
                placeholder="Name or description"
                value={search}
                onValueChange={setSearch}
                maxLength={200}
              />
            </div>
            <p className="sr-only" role="status">
              {`${shown.length} ${shown.length === 1 ? "prompt" : "prompts"}${q ? ` matching “${q}”` : ""}.`}
            </p>
            {shown.length === 0 ? (
              <EmptyState
                icon={SearchX}
                title={`No prompts match “${q}”`}
                action={
                  <Button variant="outline" onClick={() => setSearch("")}>
                    Clear search
                  </Button>
                }
              >
                Search looks at prompt names and descriptions, ignoring case.
              </EmptyState>
            ) : (
              <PromptsTable prompts={shown} stale={prompts.isFetching} />
            )}
          </>
        )}
      </div>
      {canEdit && (
        <NewPromptDialog workspaceId={workspaceId} open={creating} onOpenChange={setCreating} />
      )}
    </>
  );
}
