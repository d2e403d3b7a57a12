import { healthReport } from "@/lib/server/health";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** GET /api/health: answers without a session. */
export const GET = route({ auth: "public" }, () => healthReport());
