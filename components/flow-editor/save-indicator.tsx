"use client";

import { CircleAlert, CircleCheck } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";
import type { SaveStatus } from "./use-autosave";

/** The autosave status next to the flow name, as text with an icon. */
export function SaveIndicator({ status, error }: { status: SaveStatus; error: string | null }) {
  const text: Record<SaveStatus, string> = {
    saved: "All changes saved",
    unsaved: "Unsaved changes",
    invalid: "Not saved: fix the problems first",
    saving: "Saving…",
    error: `Save failed: ${error ?? "try again"}`,
    conflict: "Not saved: conflict",
  };
  return (
    <span
      role="status"
      data-testid="save-status"
      data-status={status}
      className={cn(
        "flex shrink-0 items-center gap-1.5 text-xs whitespace-nowrap",
        status === "error" || status === "conflict" || status === "invalid"
          ? "text-danger"
          : "text-muted-foreground",
      )}
    >
      {status === "saving" ? (
        <Spinner className="size-3" />
      ) : status === "saved" ? (
        <CircleCheck className="size-3" aria-hidden />
      ) : status === "error" || status === "conflict" || status === "invalid" ? (
        <CircleAlert className="size-3" aria-hidden />
      ) : null}
      <span className="sr-only sm:not-sr-only">{text[status]}</span>
    </span>
  );
}
