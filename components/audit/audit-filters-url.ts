"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { AuditLogParams } from "@/lib/query/audit-log";
import { ACTION_CATEGORIES } from "./audit-labels";

/** The audit page's filters as the address spells them; "" means "any". */
export interface AuditFilters {
  /** An ACTION_CATEGORIES value, or any action name or prefix typed into the address. */
  category: string;
  actorId: string;
  targetType: string;
  targetId: string;
  /** `YYYY-MM-DD` UTC days, inclusive. */
  from: string;
  to: string;
}

const NAMES = ["category", "actorId", "targetType", "targetId", "from", "to"] as const;

/** No filter at all. */
export const NO_AUDIT_FILTERS: AuditFilters = {
  category: "",
  actorId: "",
  targetType: "",
  targetId: "",
  from: "",
  to: "",
};

/** Changes some filters; each change is a history entry, so Back undoes it. */
export type SetAuditFilters = (patch: Partial<AuditFilters>) => void;

/** The filters from the address's query parameters (values pass as they are; the API checks them). */
export function auditFiltersFromSearch(search: { get(name: string): string | null }): AuditFilters {
  const filters = { ...NO_AUDIT_FILTERS };
  for (const name of NAMES) filters[name] = search.get(name)?.trim() ?? "";
  return filters;
}

/** The set filters as the address's query string ("" when none is set). */
export function auditFiltersQuery(filters: AuditFilters): string {
  const search = new URLSearchParams();
  for (const name of NAMES) if (filters[name]) search.set(name, filters[name]);
  return search.toString();
}

/** GET /api/audit parameters for the filters: a category stands for its action prefixes. */
export function auditApiParams({ category, ...rest }: AuditFilters): AuditLogParams {
  const known = ACTION_CATEGORIES.find((c) => c.value === category);
  return { ...rest, action: known ? known.actions : category ? [category] : [] };
}

/**
 * The audit page's filters, kept in the address so a view can be shared and Back restores the
 * previous one (Next.js syncs `useSearchParams` with these native history calls).
 */
export function useAuditFilters(): [AuditFilters, SetAuditFilters] {
  const query = useSearchParams().toString();
  const filters = useMemo(() => auditFiltersFromSearch(new URLSearchParams(query)), [query]);
  const setFilters = useCallback<SetAuditFilters>(
    (patch) => {
      const next = auditFiltersQuery({ ...filters, ...patch });
      if (next === query) return;
      window.history.pushState(null, "", `${window.location.pathname}${next ? `?${next}` : ""}`);
    },
    [filters, query],
  );
  return [filters, setFilters];
}
