"use client";

import { CircleDollarSign } from "lucide-react";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { isTextTarget } from "../use-editor-shortcuts";
import { useCostOverlayPrefs } from "./prefs";

/** The top bar's "Costs" toggle for the canvas cost overlay; Shift+C toggles it too. */
export function CostsToggle() {
  const { on, toggle } = useCostOverlayPrefs();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (!event.shiftKey || event.key.toLowerCase() !== "c" || isTextTarget(event.target)) return;
      event.preventDefault();
      toggle();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [toggle]);

  return (
    <Button
      variant="ghost"
      size="icon-sm"
      aria-label="Costs"
      aria-pressed={on}
      title={`${on ? "Hide" : "Show"} each node's average cost and latency (Shift+C)`}
      onClick={toggle}
      data-testid="costs-toggle"
      className={cn(on && "bg-accent text-accent-foreground")}
    >
      <CircleDollarSign aria-hidden />
    </Button>
  );
}
