/**
 * Series colours as CSS variables set on the costs page (a darker and a lighter shade per theme),
 * so the SVG charts follow light and dark mode without re-rendering.
 */
export const CHART_COLOR_VARS =
  "[--chart-spend:#4f46e5] [--chart-in:#4f46e5] [--chart-out:#0d9488] [--chart-cached:#d97706] [--chart-model:#0d9488] dark:[--chart-spend:#818cf8] dark:[--chart-in:#818cf8] dark:[--chart-out:#2dd4bf] dark:[--chart-cached:#fbbf24] dark:[--chart-model:#2dd4bf]";

/** The colour of each series. */
export const SERIES_COLOR = {
  spend: "var(--chart-spend)",
  tokensIn: "var(--chart-in)",
  tokensOut: "var(--chart-out)",
  tokensCached: "var(--chart-cached)",
  model: "var(--chart-model)",
} as const;

/** Axis ticks and lines in the theme's muted colours. */
export const AXIS_PROPS = {
  tick: { fill: "var(--muted-foreground)", fontSize: 12 },
  stroke: "var(--border)",
  tickLine: false,
} as const;

/** Grid lines behind the data. */
export const GRID_PROPS = { stroke: "var(--border)", strokeDasharray: "3 3" } as const;

/** The tooltip box in the theme's popover colours. */
export const TOOLTIP_PROPS = {
  contentStyle: {
    background: "var(--popover)",
    border: "1px solid var(--border)",
    borderRadius: 6,
    color: "var(--popover-foreground)",
    fontSize: 12,
  },
  labelStyle: { color: "var(--popover-foreground)", fontWeight: 600, marginBottom: 4 },
  itemStyle: { color: "var(--popover-foreground)", padding: 0 },
  cursor: { fill: "var(--muted)", opacity: 0.6 },
  separator: ": ",
} as const;

/** Legend labels in the theme's foreground colour. */
export const LEGEND_PROPS = {
  iconType: "circle",
  iconSize: 8,
  wrapperStyle: { fontSize: 12, color: "var(--muted-foreground)" },
} as const;
