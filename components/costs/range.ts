import type { CostsParams } from "@/lib/query/costs";

/** The quick ranges, each ending today (UTC). */
export const RANGE_PRESETS = [
  ["7d", "7 days"],
  ["30d", "30 days"],
  ["90d", "90 days"],
  ["month", "This month"],
] as const;

/** One of the quick ranges. */
export type RangePreset = (typeof RANGE_PRESETS)[number][0];

/** The range the page opens with. */
export const DEFAULT_PRESET: RangePreset = "30d";

/** The page's filters: a quick range (null for custom dates), its days and the flow. */
export interface CostsFilters extends CostsParams {
  preset: RangePreset | null;
}

const PRESET_DAYS: Record<Exclude<RangePreset, "month">, number> = {
  "7d": 7,
  "30d": 30,
  "90d": 90,
};

/** "2026-03-04" of a date, in UTC like the report's days. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The UTC day `days` after `day` (before when negative). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return utcDay(date);
}

/** The days of a quick range ending on `today`. */
export function presetRange(preset: RangePreset, today: string): { from: string; to: string } {
  if (preset === "month") return { from: `${today.slice(0, 8)}01`, to: today };
  return { from: addDays(today, 1 - PRESET_DAYS[preset]), to: today };
}

const isPreset = (value: string | undefined): value is RangePreset =>
  RANGE_PRESETS.some(([preset]) => preset === value);

/** Search params as the page receives them. */
export type SearchValues = Record<string, string | string[] | undefined>;

const single = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.slice(0, 64);

/**
 * The filters of `?range=7d|30d|90d|month` or `?from=&to=` (custom days, checked by the API) and
 * `&flowId=`; the default quick range when neither is given.
 */
export function filtersFromSearch(search: SearchValues, today: string): CostsFilters {
  const flowId = single(search.flowId) || null;
  const from = single(search.from);
  const to = single(search.to);
  if (from !== undefined || to !== undefined)
    return { preset: null, from: from ?? "", to: to ?? "", flowId };
  const range = single(search.range);
  const preset = isPreset(range) ? range : DEFAULT_PRESET;
  return { preset, ...presetRange(preset, today), flowId };
}

/** The search params that restore `filters`: a quick range by name, so a bookmark stays relative. */
export function filtersToSearch(filters: CostsFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.preset === null) {
    search.set("from", filters.from);
    search.set("to", filters.to);
  } else if (filters.preset !== DEFAULT_PRESET) search.set("range", filters.preset);
  if (filters.flowId) search.set("flowId", filters.flowId);
  return search;
}
