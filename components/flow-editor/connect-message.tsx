"use client";

import { cn } from "@/components/ui/cn";

/** The live message over the canvas saying why a connection was refused. */
export function ConnectMessage({ message }: { message: string | null }) {
  return (
    <p
      aria-live="polite"
      data-testid="connect-message"
      className={cn(
        "pointer-events-none absolute top-2 left-1/2 -translate-x-1/2 rounded-md border border-red-200 bg-red-50 px-3 py-1 text-sm text-red-900 shadow-sm dark:border-red-900 dark:bg-red-950 dark:text-red-200",
        !message && "sr-only",
      )}
    >
      {message ?? ""}
    </p>
  );
}
