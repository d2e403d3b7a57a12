"use client";

import { useId } from "react";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { SearchInput } from "@/components/ui/search-input";
import type { FlowSort } from "@/lib/query/flows";

/** The search box and sort order above the flows list. */
export function FlowsToolbar({
  search,
  onSearchChange,
  sort,
  onSortChange,
  searching,
}: {
  search: string;
  onSearchChange: (search: string) => void;
  sort: FlowSort;
  onSortChange: (sort: FlowSort) => void;
  /** A new search or order is loading (the previous list stays on screen meanwhile). */
  searching: boolean;
}) {
  const searchId = useId();
  const sortId = useId();
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="flex flex-1 flex-col gap-1.5">
        <Label htmlFor={searchId}>Search flows</Label>
        <SearchInput
          id={searchId}
          placeholder="Flow name"
          value={search}
          onValueChange={onSearchChange}
          searching={searching}
          maxLength={200}
        />
      </div>
      <div className="flex flex-col gap-1.5 sm:w-52">
        <Label htmlFor={sortId}>Sort by</Label>
        <Select
          id={sortId}
          value={sort}
          onChange={(event) => onSortChange(event.target.value as FlowSort)}
        >
          <option value="updated">Recently updated</option>
          <option value="name">Name (A–Z)</option>
        </Select>
      </div>
    </div>
  );
}
