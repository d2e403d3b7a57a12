import { Ban, Check, CircleDashed, Clock, MinusCircle, UserCheck, X } from "lucide-react";
import type { ComponentProps } from "react";
import { Badge } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";

type BadgeVariant = ComponentProps<typeof Badge>["variant"];

const STATUS: Record<string, { label: string; variant: BadgeVariant; icon?: typeof Check }> = {
  succeeded: { label: "Succeeded", variant: "success", icon: Check },
  failed: { label: "Failed", variant: "danger", icon: X },
  waiting: { label: "Waiting for review", variant: "warning", icon: UserCheck },
  running: { label: "Running", variant: "info" },
  queued: { label: "Queued", variant: "info", icon: Clock },
  cancelled: { label: "Cancelled", variant: "secondary", icon: Ban },
  skipped: { label: "Skipped", variant: "outline", icon: MinusCircle },
};

/** The readable label of a run or node status ("waiting" -> "Waiting for review"). */
export function statusLabel(status: string): string {
  return STATUS[status]?.label ?? status.charAt(0).toUpperCase() + status.slice(1);
}

/** A run's or node attempt's status as a coloured badge; "running" spins. */
export function RunStatusBadge({
  status,
  className,
  ...props
}: { status: string } & Omit<ComponentProps<typeof Badge>, "variant" | "children">) {
  const known = STATUS[status];
  const Icon = known?.icon ?? CircleDashed;
  return (
    <Badge variant={known?.variant ?? "outline"} className={className} {...props}>
      {status === "running" ? <Spinner className="size-3" /> : <Icon aria-hidden />}
      {statusLabel(status)}
    </Badge>
  );
}
