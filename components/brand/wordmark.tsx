import { cn } from "@/components/ui/cn";

/** The Trellis mark: a small lattice of connected nodes. */
export function TrellisLogo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={cn("size-6", className)} aria-hidden focusable="false">
      <rect width="24" height="24" rx="6" className="fill-primary" />
      <path
        d="M7 7h10M7 7v10M17 7v10M7 12h10M7 17h10"
        className="stroke-primary-foreground/50"
        strokeWidth="1.5"
        fill="none"
      />
      <circle cx="7" cy="7" r="2" className="fill-primary-foreground" />
      <circle cx="17" cy="12" r="2" className="fill-primary-foreground" />
      <circle cx="7" cy="17" r="2" className="fill-primary-foreground" />
    </svg>
  );
}

/** Logo plus the product name. */
export function Wordmark({ className }: { className?: string }) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-2 text-base font-semibold tracking-tight",
        className,
      )}
    >
      <TrellisLogo />
      Trellis
    </span>
  );
}
