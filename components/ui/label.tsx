import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

/** A form label. */
export function Label({ className, ...props }: ComponentProps<"label">) {
  return <label className={cn("text-sm font-medium leading-none", className)} {...props} />;
}
