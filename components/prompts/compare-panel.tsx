"use client";

import { ArrowLeftRight } from "lucide-react";
import { ListError } from "@/components/settings/list-error";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { LoadingStatus, Skeleton } from "@/components/ui/skeleton";
import { usePromptDiff } from "@/lib/query/prompts";
import type { PromptDetailDto } from "@/lib/schemas/prompt-library";
import { PromptDiffView } from "./prompt-diff-view";
import { VersionSelect } from "./version-select";

/** The two version numbers being compared. */
export interface CompareSides {
  from: number;
  to: number;
}

/** The sides to compare first: the version before the latest against the latest. */
export function defaultSides(prompt: PromptDetailDto): CompareSides | null {
  const [latest, previous] = prompt.versions;
  return latest && previous ? { from: previous.version, to: latest.version } : null;
}

/** Pick any two versions and read what changed between them. */
export function ComparePanel({
  workspaceId,
  prompt,
  sides,
  onSides,
}: {
  workspaceId: string;
  prompt: PromptDetailDto;
  sides: CompareSides | null;
  onSides: (sides: CompareSides) => void;
}) {
  const diff = usePromptDiff(workspaceId, prompt.id, sides?.from ?? null, sides?.to ?? null);
  if (!sides)
    return (
      <p className="rounded-md border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
        Only one version so far. Save another to compare them.
      </p>
    );
  return (
    <div className="flex flex-col gap-4" data-testid="compare-panel">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex min-w-0 flex-1 flex-col gap-1.5">
          <Label htmlFor="compare-from">From</Label>
          <VersionSelect
            id="compare-from"
            versions={prompt.versions}
            value={String(sides.from)}
            onChange={(value) => onSides({ ...sides, from: Number(value) })}
          />
        </div>
        <Button
          variant="outline"
          size="icon"
          aria-label="Swap sides"
          title="Swap sides"
          onClick={() => onSides({ from: sides.to, to: sides.from })}
        >
          <ArrowLeftRight aria-hidden />
        </Button>
        <div className="flex min-w-0 flex-1 flex-col gap-1.5">
          <Label htmlFor="compare-to">To</Label>
          <VersionSelect
            id="compare-to"
            versions={prompt.versions}
            value={String(sides.to)}
            onChange={(value) => onSides({ ...sides, to: Number(value) })}
          />
        </div>
      </div>
      {diff.isPending ? (
        <LoadingStatus label="Comparing…" className="flex flex-col gap-2">
          <Skeleton className="h-14" />
          <Skeleton className="h-48" />
        </LoadingStatus>
      ) : diff.isError ? (
        <ListError what="the comparison" error={diff.error} onRetry={() => void diff.refetch()} />
      ) : (
        <PromptDiffView diff={diff.data} />
      )}
    </div>
  );
}
