import { route } from "@/lib/server/route";
import { systemStatus } from "@/lib/server/system";

export const dynamic = "force-dynamic";

/** GET /api/system: execution mode, queue workers, queue depth and dispatch latency (admins). */
export const GET = route({ permission: "policy.manage" }, ({ ctx }) => systemStatus(ctx));
