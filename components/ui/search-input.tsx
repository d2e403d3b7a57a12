"use client";

import { Search, X } from "lucide-react";
import type { ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";

/**
 * A search box: a magnifier, a spinner while `searching`, and a clear button (Escape clears too).
 * Other props go to the input (id, placeholder, maxLength, data-testid ...).
 */
export function SearchInput({
  value,
  onValueChange,
  searching = false,
  ...inputProps
}: Omit<ComponentProps<typeof Input>, "value" | "onChange" | "type"> & {
  value: string;
  onValueChange: (value: string) => void;
  searching?: boolean;
}) {
  return (
    <div className="relative">
      <Search
        className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
        aria-hidden
      />
      <Input
        type="search"
        autoComplete="off"
        {...inputProps}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        onKeyDown={(event) => event.key === "Escape" && value && onValueChange("")}
        className="pr-16 pl-9 [&::-webkit-search-cancel-button]:hidden"
      />
      <div className="absolute top-1/2 right-1.5 flex -translate-y-1/2 items-center gap-1">
        {searching && <Spinner className="size-3.5 text-muted-foreground" />}
        {value && (
          <Button
            variant="ghost"
            size="icon-sm"
            className="size-7"
            aria-label="Clear search"
            onClick={() => onValueChange("")}
          >
            <X aria-hidden />
          </Button>
        )}
      </div>
    </div>
  );
}
