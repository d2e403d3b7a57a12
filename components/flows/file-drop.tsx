"use client";

import { FileUp } from "lucide-react";
import { useEffect, useRef, useState } from "react";

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes("Files") ?? false;

/**
 * Accepts a file dragged anywhere onto the page while `enabled`; returns whether a file is being
 * dragged over it. The browser's default (opening the file) is prevented only for file drags.
 */
export function usePageFileDrop(enabled: boolean, onFile: (file: File) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const onFileRef = useRef(onFile);
  useEffect(() => {
    onFileRef.current = onFile;
  });

  useEffect(() => {
    if (!enabled) return;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current += 1;
      setDragging(true);
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) onFileRef.current(file);
    };
    window.addEventListener("dragenter", onEnter);
    window.addEventListener("dragleave", onLeave);
    window.addEventListener("dragover", onOver);
    window.addEventListener("drop", onDrop);
    return () => {
      window.removeEventListener("dragenter", onEnter);
      window.removeEventListener("dragleave", onLeave);
      window.removeEventListener("dragover", onOver);
      window.removeEventListener("drop", onDrop);
      depth.current = 0;
      setDragging(false);
    };
  }, [enabled]);

  return dragging;
}

/** The hint covering the page while a file is dragged over it. */
export function DropOverlay() {
  return (
    <div
      aria-hidden
      className="pointer-events-none fixed inset-0 z-40 flex items-center justify-center bg-background/80 p-6 backdrop-blur-sm"
      data-testid="drop-overlay"
    >
      <div className="flex flex-col items-center gap-3 rounded-xl border-2 border-dashed border-primary px-10 py-12 text-center">
        <FileUp className="size-8 text-primary" aria-hidden />
        <p className="text-lg font-semibold">Drop a flow file to import it</p>
        <p className="text-sm text-muted-foreground">
          A .json file exported from Trellis. It is checked, never run.
        </p>
      </div>
    </div>
  );
}
