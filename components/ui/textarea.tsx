import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";
import { fieldClasses } from "@/components/ui/input";

/** A multi-line text input. */
export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(fieldClasses, "min-h-20 py-2", className)} {...props} />;
}
