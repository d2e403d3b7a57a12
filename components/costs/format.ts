import { formatCost } from "@/components/flows/format";

const dollars = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const significant = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });

/**
 * A USD amount readable at any size: "$1,234.56" from a cent up, "$0.000120" (the run views'
 * six decimals) below, three significant digits for less than a millionth, "$0.00" for nothing.
 */
export function formatUsd(costUsd: string | number | null): string {
  const value = Number(costUsd);
  if (costUsd === null || !Number.isFinite(value)) return "—";
  const size = Math.abs(value);
  if (size === 0 || size >= 0.01) return dollars.format(value);
  if (size >= 0.000001) return formatCost(value);
  return `${value < 0 ? "-" : ""}$${significant.format(size)}`;
}

/** An axis tick for money, short: "$1.2K", "$0.50", "$0.0012". */
export function formatUsdTick(value: number): string {
  const size = Math.abs(value);
  if (size >= 1000) return `$${compact.format(value)}`;
  if (size === 0 || size >= 0.01) return formatUsd(value);
  return formatUsd(value).replace(/(\.\d*?[1-9])0+$/, "$1");
}

/** "12.3K" tokens on an axis. */
export function formatCompact(value: number): string {
  return compact.format(value);
}

/** "12.5 %" for a ratio of 0.125, "—" when there is nothing to divide. */
export function formatRate(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return "—";
  const percent = ratio * 100;
  return `${percent === 0 || percent >= 10 ? Math.round(percent) : percent.toFixed(1)} %`;
}

/** "Mar 4" of a UTC day, for axes; "Mar 4, 2026" with `withYear`. */
export function formatDay(day: string, withYear = false): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", {
    timeZone: "UTC",
    month: "short",
    day: "numeric",
    ...(withYear ? { year: "numeric" } : {}),
  });
}
