/** "83 %" for a ratio of 0.83. */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}
