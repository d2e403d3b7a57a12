"use client";

import { useEffect, useState } from "react";
import { formatDateTime } from "@/components/settings/format";

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "just now", "5 minutes ago", "yesterday", "3 months ago". */
export function formatAge(iso: string, now: number): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  if (Math.abs(seconds) < 45) return "just now";
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relativeFormat.format(Math.round(seconds / size), unit);
  }
  return relativeFormat.format(Math.round(seconds / 60), "minute");
}

/** The current time, refreshed every `intervalMs`. */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** A <time> showing `iso` as `format` writes it, with the exact date and time as its title. */
export function Timestamp({
  iso,
  format,
  className,
}: {
  iso: string;
  format: (iso: string) => string;
  className?: string;
}) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)} className={className}>
      {format(iso)}
    </time>
  );
}

/** A <time> showing how long ago `iso` was, with the exact date and time as its title. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const now = useNow(15_000);
  return <Timestamp iso={iso} format={(value) => formatAge(value, now)} className={className} />;
}
