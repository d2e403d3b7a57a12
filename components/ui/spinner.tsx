import { LoaderCircle } from "lucide-react";
import { cn } from "@/components/ui/cn";

/** A small spinning indicator; decorative, so pair it with text. */
export function Spinner({ className }: { className?: string }) {
  return <LoaderCircle className={cn("size-4 animate-spin", className)} aria-hidden />;
}
