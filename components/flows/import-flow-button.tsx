"use client";

import { Upload } from "lucide-react";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

/** "Import" opens a file picker for an exported flow (.json); the chosen file goes to `onFile`. */
export function ImportFlowButton({
  pending,
  onFile,
}: {
  pending: boolean;
  onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="sr-only"
        tabIndex={-1}
        aria-hidden
        data-testid="import-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so that choosing the same file again still fires a change.
          event.target.value = "";
          if (file) onFile(file);
        }}
      />
      <Button variant="outline" disabled={pending} onClick={() => input.current?.click()}>
        {pending ? <Spinner /> : <Upload aria-hidden />}
        Import
      </Button>
    </>
  );
}
