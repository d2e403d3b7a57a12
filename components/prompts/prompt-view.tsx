"use client";

import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { RecordLoadError } from "@/components/ui/record-load-error";
import { LoadingStatus, Skeleton } from "@/components/ui/skeleton";
import { usePrompt } from "@/lib/query/prompts";
import { PromptWorkspace, type PromptPermissions } from "./prompt-workspace";

/** A prompt's page: loading and not-found states, then the editor, labels and versions. */
export function PromptView({
  workspaceId,
  promptId,
  ...permissions
}: {
  workspaceId: string;
  promptId: string;
} & PromptPermissions) {
  const prompt = usePrompt(workspaceId, promptId);
  if (prompt.isPending)
    return (
      <LoadingStatus label="Loading the prompt…" className="flex flex-col gap-4">
        <Skeleton className="h-10 w-64" />
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <Skeleton className="h-96" />
          <Skeleton className="h-96" />
        </div>
      </LoadingStatus>
    );
  if (!prompt.data)
    return (
      <RecordLoadError
        what="prompt"
        error={prompt.error}
        notFound="It does not exist in this workspace, or it was deleted."
        actions={(missing) => (
          <div className="mt-3 flex gap-2">
            {!missing && (
              <Button variant="outline" size="sm" onClick={() => void prompt.refetch()}>
                Try again
              </Button>
            )}
            <Button asChild variant="outline" size="sm">
              <Link href="/prompts">
                <ArrowLeft aria-hidden />
                Back to prompts
              </Link>
            </Button>
          </div>
        )}
      />
    );
  return <PromptWorkspace workspaceId={workspaceId} prompt={prompt.data} {...permissions} />;
}
