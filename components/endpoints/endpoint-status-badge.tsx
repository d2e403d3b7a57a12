import { CirclePause, CirclePlay } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { EndpointStatus } from "@/lib/schemas/endpoints";

/** An endpoint's state: Active (serving) or Paused (new calls get 503). */
export function EndpointStatusBadge({ status }: { status: EndpointStatus }) {
  return status === "active" ? (
    <Badge variant="success" data-testid="endpoint-status">
      <CirclePlay aria-hidden />
      Active
    </Badge>
  ) : (
    <Badge variant="warning" data-testid="endpoint-status">
      <CirclePause aria-hidden />
      Paused
    </Badge>
  );
}
