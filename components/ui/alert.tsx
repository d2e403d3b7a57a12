import { CircleAlert, Info } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

/** An inline message box: "info" for explanations, "error" for failures. */
export function Alert({
  className,
  variant = "info",
  title,
  children,
  ...props
}: ComponentProps<"div"> & { variant?: "info" | "error"; title?: string }) {
  const Icon = variant === "error" ? CircleAlert : Info;
  return (
    <div
      className={cn(
        "flex gap-3 rounded-md border px-4 py-3 text-sm",
        variant === "error"
          ? "border-red-200 bg-red-50 text-red-900 dark:border-red-900/70 dark:bg-red-950/40 dark:text-red-200"
          : "border-indigo-200 bg-indigo-50 text-indigo-950 dark:border-indigo-900/70 dark:bg-indigo-950/40 dark:text-indigo-100",
        className,
      )}
      {...props}
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="flex flex-col gap-1">
        {title && <p className="font-medium">{title}</p>}
        <div>{children}</div>
      </div>
    </div>
  );
}
