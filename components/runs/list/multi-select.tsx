"use client";

import { Check, ChevronDown } from "lucide-react";
import { DropdownMenu as Menu } from "radix-ui";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

const itemClasses =
  "relative flex cursor-default items-center gap-2 rounded-sm py-1.5 pr-2 pl-8 text-sm outline-none select-none data-[highlighted]:bg-accent data-[highlighted]:text-accent-foreground";

/** What the closed control says: "Any", one label, or "3 selected". */
function summary(selected: string[], labelOf: (value: string) => string): string {
  if (selected.length === 0) return "Any";
  if (selected.length === 1) return labelOf(selected[0]!);
  return `${selected.length} selected`;
}

/** A labelled dropdown of checkboxes choosing any number of values; none selected means "any". */
export function MultiSelectFilter({
  label,
  options,
  selected,
  onChange,
  labelOf,
  testId,
}: {
  label: string;
  options: readonly string[];
  selected: string[];
  onChange: (selected: string[]) => void;
  labelOf: (value: string) => string;
  testId: string;
}) {
  const labelId = useId();
  const buttonId = useId();
  const toggle = (value: string, on: boolean) =>
    onChange(options.filter((option) => (option === value ? on : selected.includes(option))));
  return (
    <div className="flex w-36 flex-col gap-1.5">
      <span id={labelId} className="text-sm leading-none font-medium">
        {label}
      </span>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button
            id={buttonId}
            variant="outline"
            className="w-full justify-between font-normal"
            aria-labelledby={`${labelId} ${buttonId}`}
            data-testid={testId}
          >
            <span className="truncate">{summary(selected, labelOf)}</span>
            <ChevronDown className="text-muted-foreground" aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="min-w-44">
          {options.map((option) => (
            <Menu.CheckboxItem
              key={option}
              className={itemClasses}
              checked={selected.includes(option)}
              onCheckedChange={(on) => toggle(option, on === true)}
              onSelect={(event) => event.preventDefault()}
              data-value={option}
            >
              <Menu.ItemIndicator className="absolute left-2 flex items-center">
                <Check className="size-4" aria-hidden />
              </Menu.ItemIndicator>
              {labelOf(option)}
            </Menu.CheckboxItem>
          ))}
          {selected.length > 0 && (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem onSelect={() => onChange([])}>
                Any {label.toLowerCase()}
              </DropdownMenuItem>
            </>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
