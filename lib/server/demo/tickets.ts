import { z } from "zod";
import { DEMO_TICKETS, type DemoTicket } from "./ticket-data";

/** Query of GET /api/demo/tickets: the text to match and how many tickets to return. */
export const ticketsQuerySchema = z.object({
  query: z.string().trim().min(1, "Give a query.").max(500),
  limit: z.coerce.number().int().min(1).max(10).default(3),
});

/** A past ticket with how well it matched the query (shared words). */
export interface ScoredTicket extends DemoTicket {
  score: number;
}

const STOP_WORDS = new Set(
  "a an and are as at be but by can do for from has have how i in is it its me my no not of on or our so that the this to was we what when with you your".split(
    " ",
  ),
);

/** The distinct lower-case content words of a text. */
export function words(text: string): Set<string> {
  const found = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(found.filter((w) => w.length > 1 && !STOP_WORDS.has(w)));
}

/**
 * Ranks tickets by word overlap with the query: a shared word counts 2 in the subject or
 * category, 1 in the resolution. Ties keep dataset order; tickets sharing nothing are left out.
 */
export function rankTickets(
  query: string,
  limit: number,
  tickets: readonly DemoTicket[] = DEMO_TICKETS,
): ScoredTicket[] {
  const wanted = words(query);
  return tickets
    .map((ticket) => {
      const title = words(`${ticket.subject} ${ticket.category}`);
      const body = words(ticket.resolution);
      let score = 0;
      for (const word of wanted) score += title.has(word) ? 2 : body.has(word) ? 1 : 0;
      return { ...ticket, score };
    })
    .filter((ticket) => ticket.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/** The answer of GET /api/demo/tickets. */
export function similarTickets(input: z.output<typeof ticketsQuerySchema>): {
  query: string;
  tickets: ScoredTicket[];
} {
  return { query: input.query, tickets: rankTickets(input.query, input.limit) };
}
