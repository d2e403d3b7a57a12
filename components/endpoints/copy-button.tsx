"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useState, type ComponentProps } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/** Copies `value` to the clipboard; the icon turns into a check for two seconds after a copy. */
export function CopyButton({
  value,
  label,
  children,
  ...props
}: { value: string; label: string } & Omit<ComponentProps<typeof Button>, "onClick" | "value">) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2_000);
    return () => window.clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success(`Copied ${label}`);
    } catch {
      toast.error(`Could not copy. Select the ${label} and copy it by hand.`);
    }
  };
  return (
    <Button
      variant="outline"
      size={children ? "sm" : "icon-sm"}
      aria-label={children ? undefined : `Copy ${label}`}
      onClick={() => void copy()}
      {...props}
    >
      {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
      {children}
    </Button>
  );
}
