"use client";

import { Copy, WandSparkles } from "lucide-react";
import type { ComponentProps } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { generatePassword } from "@/components/settings/members/generate-password";

/** A temporary-password input with "Generate" and "Copy" buttons. */
export function TemporaryPasswordInput({
  value,
  onGenerate,
  ...props
}: ComponentProps<"input"> & { value: string; onGenerate: (password: string) => void }) {
  const copy = async () => {
    if (!value) {
      toast.error("Nothing to copy yet. Type or generate a password first.");
      return;
    }
    try {
      await navigator.clipboard.writeText(value);
      toast.success("Password copied");
    } catch {
      toast.error("Could not copy. Select the password and copy it by hand.");
    }
  };
  return (
    <div className="flex gap-2">
      <Input
        {...props}
        value={value}
        className="font-mono"
        autoComplete="new-password"
        spellCheck={false}
      />
      <Button variant="outline" onClick={() => onGenerate(generatePassword())}>
        <WandSparkles aria-hidden />
        Generate
      </Button>
      <Button variant="outline" size="icon" aria-label="Copy password" onClick={() => void copy()}>
        <Copy aria-hidden />
      </Button>
    </div>
  );
}
