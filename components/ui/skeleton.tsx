import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A pulsing placeholder block shown while content loads. */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div className={cn("animate-pulse rounded-md bg-muted", className)} aria-hidden {...props} />
  );
}

/** Something loading: a status that screen readers announce once as `label`, around its placeholders. */
export function LoadingStatus({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div role="status" className={className}>
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}

/** Placeholder rows for a loading list, announced once to screen readers. */
export function ListSkeleton({ rows = 4, label }: { rows?: number; label: string }) {
  return (
    <LoadingStatus label={label} className="overflow-hidden rounded-lg border bg-card">
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="flex items-center gap-4 border-b px-4 py-4 last:border-0">
          <Skeleton className="h-4 w-40" />
          <Skeleton className="h-4 w-56" />
          <Skeleton className="ml-auto h-4 w-20" />
        </div>
      ))}
    </LoadingStatus>
  );
}
