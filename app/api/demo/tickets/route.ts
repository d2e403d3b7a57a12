import { similarTickets, ticketsQuerySchema } from "@/lib/server/demo/tickets";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** GET /api/demo/tickets?query=...&limit=3: similar past tickets from invented demo data (public, read-only). */
export const GET = route({ auth: "public", query: ticketsQuerySchema }, async ({ query }) =>
  similarTickets(query),
);
