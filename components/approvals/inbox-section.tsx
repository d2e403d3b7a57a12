import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";

/** One part of the Approvals inbox: a heading with its count, a description, actions and content. */
export function InboxSection({
  id,
  title,
  count,
  countMore = false,
  countLabel = "waiting",
  description,
  actions,
  children,
}: {
  id: string;
  title: string;
  /** Shown next to the title once known. */
  count?: number;
  /** True when more exist than were counted (shown as "20+"). */
  countMore?: boolean;
  /** What the count counts, shown after it ("3 waiting"). */
  countLabel?: string;
  description: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-4" data-testid={id}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="flex min-w-0 flex-col gap-1">
          <h2 id={`${id}-heading`} className="flex items-center gap-2 text-lg font-semibold">
            {title}
            {count !== undefined && (
              <Badge variant={count > 0 ? "info" : "secondary"} className="tabular-nums">
                {count}
                {countMore && "+"} {countLabel}
              </Badge>
            )}
          </h2>
          <p className="max-w-2xl text-sm text-muted-foreground">{description}</p>
        </div>
        {actions && <div className="flex shrink-0 items-center gap-2">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
