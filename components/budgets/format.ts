/** "$12.50" (up to 4 decimals below a dollar, so small spends do not read as zero). */
export function formatUsd(amount: string | number): string {
  const value = Number(amount);
  return value.toLocaleString("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: value > 0 && value < 1 ? 4 : 2,
  });
}

/** "83 %" for a ratio of 0.83. */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}
