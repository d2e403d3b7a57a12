import { ShieldCheck } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";

/** The badge look of a label: production stands out, staging is tinted, custom labels are plain. */
function variantOf(name: string) {
  if (name === "production") return "success" as const;
  if (name === "staging") return "info" as const;
  return "outline" as const;
}

/** A label and the version it points at ("production → v3"); protected labels carry a shield. */
export function LabelBadge({
  name,
  version,
  isProtected = false,
  className,
}: {
  name: string;
  version?: number;
  isProtected?: boolean;
  className?: string;
}) {
  return (
    <Badge
      variant={variantOf(name)}
      className={cn("font-mono", name === "production" && "font-semibold", className)}
      data-testid="prompt-label-badge"
      data-label={name}
    >
      {isProtected && (
        <>
          <ShieldCheck aria-hidden />
          <span className="sr-only">protected label</span>
        </>
      )}
      {name}
      {version !== undefined && (
        <>
          <span aria-hidden>→</span>
          <span className="sr-only">points at</span> v{version}
        </>
      )}
    </Badge>
  );
}

/** Labels in reading order: production, staging, then custom labels by name. */
export function sortLabels<T extends { name: string }>(labels: T[]): T[] {
  const rank = (name: string) => (name === "production" ? 0 : name === "staging" ? 1 : 2);
  return [...labels].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}
