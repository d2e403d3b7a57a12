"use client";

import { Search, X } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
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
        <div className="relative">
          <Search
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
            aria-hidden
          />
          <Input
            id={searchId}
            type="search"
            placeholder="Flow name"
            autoComplete="off"
            value={search}
            maxLength={200}
            onChange={(event) => onSearchChange(event.target.value)}
            onKeyDown={(event) => event.key === "Escape" && search && onSearchChange("")}
            className="pr-16 pl-9 [&::-webkit-search-cancel-button]:hidden"
          />
          <div className="absolute top-1/2 right-1.5 flex -translate-y-1/2 items-center gap-1">
            {searching && <Spinner className="size-3.5 text-muted-foreground" />}
            {search && (
              <Button
                variant="ghost"
                size="icon-sm"
                className="size-7"
                aria-label="Clear search"
                onClick={() => onSearchChange("")}
              >
                <X aria-hidden />
              </Button>
            )}
          </div>
        </div>
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
