import { z } from "zod";
import { idParams, route } from "@/lib/server/route";
import { streamRunEvents } from "@/lib/server/runs/run-stream";

export const dynamic = "force-dynamic";

const querySchema = z.object({ after: z.coerce.number().int().min(0).optional() });

/** GET /api/runs/:id/events: SSE of engine events, replaying recorded ones first (Last-Event-ID honoured). */
export const GET = route(
  { permission: "workspace.read", params: idParams, query: querySchema },
  async ({ ctx, params, query, request }) => {
    const header = Number.parseInt(request.headers.get("last-event-id") ?? "", 10);
    const after = Number.isInteger(header) && header >= 0 ? header : (query.after ?? 0);
    return streamRunEvents(ctx, params.id, after, request.signal);
  },
);
