const startedFormat = new Intl.DateTimeFormat(undefined, {
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  second: "2-digit",
});

/** "Nov 21, 7:30:12 PM": compact enough for a table column (the full date goes in a tooltip). */
export function formatStarted(iso: string): string {
  return startedFormat.format(new Date(iso));
}
