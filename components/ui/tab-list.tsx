"use client";

import type { KeyboardEvent } from "react";
import { cn } from "./cn";

/**
 * An ARIA tab list: tab `x` has id `${idPrefix}-tab-x` and controls `${idPrefix}-panel-x`;
 * arrow keys, Home and End move between tabs (roving tabindex).
 */
export function TabList<T extends string>({
  label,
  idPrefix,
  tabs,
  value,
  onChange,
  className,
  tabClassName,
}: {
  label: string;
  idPrefix: string;
  tabs: readonly (readonly [T, string])[];
  value: T;
  onChange: (tab: T) => void;
  className?: string;
  tabClassName?: string;
}) {
  const select = (index: number) => {
    const [next] = tabs[(index + tabs.length) % tabs.length]!;
    onChange(next);
    document.getElementById(`${idPrefix}-tab-${next}`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const current = tabs.findIndex(([id]) => id === value);
    const target =
      event.key === "ArrowRight"
        ? current + 1
        : event.key === "ArrowLeft"
          ? current - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? tabs.length - 1
              : null;
    if (target === null) return;
    event.preventDefault();
    select(target);
  };
  return (
    <div role="tablist" aria-label={label} className={cn("flex border-b", className)}>
      {tabs.map(([id, name]) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${id}`}
          aria-selected={value === id}
          aria-controls={`${idPrefix}-panel-${id}`}
          tabIndex={value === id ? 0 : -1}
          onClick={() => onChange(id)}
          onKeyDown={onKeyDown}
          className={cn(
            "border-b-2 text-sm font-medium",
            value === id
              ? "border-primary text-foreground"
              : "border-transparent text-muted-foreground hover:text-foreground",
            tabClassName ?? "px-3 py-2",
          )}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
