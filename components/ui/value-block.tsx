"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { toJson } from "@/components/ui/json";
import { cn } from "@/components/ui/cn";

/** A bordered block with a height cap; keyboard-focusable once its content overflows. */
function ScrollBlock({
  className,
  label,
  children,
}: {
  className?: string;
  label: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollable, setScrollable] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () =>
      setScrollable(
        element.scrollHeight > element.clientHeight || element.scrollWidth > element.clientWidth,
      );
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      tabIndex={scrollable ? 0 : undefined}
      role={scrollable ? "region" : undefined}
      aria-label={scrollable ? label : undefined}
      className={cn(
        "max-h-72 overflow-auto rounded-md border bg-muted/40 px-3 py-2.5 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        className,
      )}
    >
      {children}
    </div>
  );
}

/** A value as people read it: text pre-wrapped, anything else as formatted JSON. */
export function ValueBlock({
  value,
  label,
  className,
}: {
  value: unknown;
  /** Names the block for screen readers when it scrolls ("Output of draft"). */
  label: string;
  className?: string;
}) {
  if (typeof value === "string") {
    return (
      <ScrollBlock label={label} className={className}>
        {value.trim() ? (
          <p className="text-sm leading-relaxed break-words whitespace-pre-wrap">{value}</p>
        ) : (
          <p className="text-sm text-muted-foreground italic">Empty text</p>
        )}
      </ScrollBlock>
    );
  }
  return (
    <ScrollBlock label={label} className={className}>
      <pre className="font-mono text-xs leading-relaxed break-words whitespace-pre-wrap">
        {toJson(value)}
      </pre>
    </ScrollBlock>
  );
}
