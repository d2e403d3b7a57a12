import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";
import { fieldClasses } from "@/components/ui/input";

/** A native select, styled like the other fields. */
export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn(fieldClasses, "h-9 py-1 pr-8", className)} {...props} />;
}
