"use client";

import { ChevronRight } from "lucide-react";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";

/** Strings longer than this show their start and a "Show more" button. */
const LONG_STRING = 280;
/** Children of an object or array shown before a "Show more" button. */
const CHILD_PAGE = 100;

const linkButton =
  "ml-1 rounded-sm text-xs font-medium text-primary underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-ring";

/** A string, truncated past LONG_STRING with a toggle; `quoted` draws it as a JSON string. */
function StringValue({ value, quoted }: { value: string; quoted: boolean }) {
  const [full, setFull] = useState(false);
  const long = value.length > LONG_STRING;
  const text = long && !full ? `${value.slice(0, LONG_STRING)}…` : value;
  return (
    <span
      className={cn(
        "break-words whitespace-pre-wrap",
        quoted && "text-emerald-700 dark:text-emerald-400",
      )}
    >
      {quoted ? `"${text}"` : text}
      {long && (
        <button type="button" className={linkButton} onClick={() => setFull(!full)}>
          {full ? "Show less" : `Show more (${value.length.toLocaleString("en-US")} characters)`}
        </button>
      )}
    </span>
  );
}

/** A number, boolean or null, coloured by kind. */
function ScalarValue({ value }: { value: unknown }) {
  if (typeof value === "string") return <StringValue value={value} quoted />;
  const colour =
    value === null || value === undefined
      ? "text-muted-foreground italic"
      : typeof value === "number"
        ? "text-sky-700 dark:text-sky-400"
        : "text-violet-700 dark:text-violet-400";
  return (
    <span className={colour}>{value === undefined ? "undefined" : JSON.stringify(value)}</span>
  );
}

/** An object or array: a disclosure button (Enter, Space, arrow keys) over its children. */
function BranchValue({
  name,
  value,
  depth,
  expandDepth,
}: {
  name: string | null;
  value: object;
  depth: number;
  expandDepth: number;
}) {
  const [open, setOpen] = useState(depth < expandDepth);
  const [limit, setLimit] = useState(CHILD_PAGE);
  const isArray = Array.isArray(value);
  const entries: [string, unknown][] = isArray
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value);
  const [left, right] = isArray ? ["[", "]"] : ["{", "}"];
  const count = `${entries.length} ${isArray ? (entries.length === 1 ? "item" : "items") : entries.length === 1 ? "key" : "keys"}`;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "ArrowRight" && !open) setOpen(true);
    else if (event.key === "ArrowLeft" && open) setOpen(false);
    else return;
    event.preventDefault();
  };

  if (entries.length === 0)
    return (
      <span>
        {name !== null && <Key name={name} />}
        <span className="text-muted-foreground">{`${left}${right}`}</span>
      </span>
    );
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        onKeyDown={onKeyDown}
        className="-ml-4 inline-flex items-baseline rounded-sm text-left hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring"
      >
        <ChevronRight
          className={cn("size-3.5 shrink-0 self-center transition-transform", open && "rotate-90")}
          aria-hidden
        />
        {name !== null && <Key name={name} />}
        <span className="text-muted-foreground">
          {open ? left : `${left}…${right}`}
          <span className="ml-1 text-[0.7rem]">{count}</span>
        </span>
      </button>
      {open && (
        <>
          <ul className="ml-1 border-l pl-4">
            {entries.slice(0, limit).map(([key, child]) => (
              <li key={key} className="pl-4">
                <Entry name={key} value={child} depth={depth + 1} expandDepth={expandDepth} />
              </li>
            ))}
          </ul>
          {entries.length > limit && (
            <button
              type="button"
              className={cn(linkButton, "ml-5")}
              onClick={() => setLimit(limit + CHILD_PAGE)}
            >
              {`Show more (${entries.length - limit} left)`}
            </button>
          )}
          <span className="block text-muted-foreground">{right}</span>
        </>
      )}
    </>
  );
}

function Key({ name }: { name: string }) {
  return <span className="mr-1 font-medium text-foreground">{`${name}:`}</span>;
}

/** One property or item: its key (or index) then its value. */
function Entry({
  name,
  value,
  depth,
  expandDepth,
}: {
  name: string | null;
  value: unknown;
  depth: number;
  expandDepth: number;
}) {
  if (typeof value === "object" && value !== null)
    return <BranchValue name={name} value={value} depth={depth} expandDepth={expandDepth} />;
  return (
    <span>
      {name !== null && <Key name={name} />}
      <ScalarValue value={value} />
    </span>
  );
}

/** True when an element's content overflows it, kept up to date as it resizes. */
function useOverflows<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () =>
      setOverflows(
        element.scrollHeight > element.clientHeight || element.scrollWidth > element.clientWidth,
      );
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return [ref, overflows] as const;
}

/**
 * A JSON value as a collapsible tree: objects and arrays open and close (buttons, so Tab, Enter
 * and the arrow keys work), long strings and long lists show their start with "Show more". A
 * top-level string reads as plain pre-wrapped text.
 */
export function JsonViewer({
  value,
  label,
  expandDepth = 2,
  className,
}: {
  value: unknown;
  /** Names the block for screen readers when it scrolls ("Output of draft"). */
  label: string;
  /** Levels open at first (0: everything collapsed). */
  expandDepth?: number;
  className?: string;
}) {
  const [ref, overflows] = useOverflows<HTMLDivElement>();
  return (
    <div
      ref={ref}
      tabIndex={overflows ? 0 : undefined}
      role={overflows ? "region" : undefined}
      aria-label={overflows ? label : undefined}
      data-testid="json-viewer"
      className={cn(
        "max-h-96 overflow-auto rounded-md border bg-muted/40 px-3 py-2.5 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        className,
      )}
    >
      <div
        className={cn(
          "font-mono text-xs leading-relaxed",
          typeof value === "object" && value !== null && "pl-4",
        )}
      >
        {typeof value === "string" ? (
          value.trim() ? (
            <p className="font-sans text-sm">
              <StringValue value={value} quoted={false} />
            </p>
          ) : (
            <p className="font-sans text-sm text-muted-foreground italic">Empty text</p>
          )
        ) : (
          <Entry name={null} value={value} depth={0} expandDepth={expandDepth} />
        )}
      </div>
    </div>
  );
}
