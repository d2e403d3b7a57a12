const dateFormat = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "short",
  day: "numeric",
});
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: "medium",
  timeStyle: "short",
});

/** "Mar 4, 2026" */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

/** "Mar 4, 2026, 10:31 AM", for a title attribute. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}
