import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** One entry of a <dl> of facts: a small muted term above its value. */
export function Fact({
  label,
  className,
  valueClassName,
  children,
}: {
  label: string;
  className?: string;
  valueClassName?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn("flex min-w-0 flex-col gap-0.5", className)}>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className={cn("text-sm font-medium tabular-nums", valueClassName)}>{children}</dd>
    </div>
  );
}
