import { describe, expect, it } from "vitest";
import { DEMO_TICKETS, type DemoTicket } from "./ticket-data";
import { rankTickets, similarTickets, ticketsQuerySchema, words } from "./tickets";

const sample: DemoTicket[] = [
  { id: "A", subject: "Printer jams", category: "bug", resolution: "Cleaned the roller." },
  {
    id: "B",
    subject: "Refund request",
    category: "billing",
    resolution: "Refund sent to the card.",
  },
  { id: "C", subject: "Card charged twice", category: "billing", resolution: "Refund issued." },
];

describe("rankTickets", () => {
  it("ranks subject matches above resolution-only matches and drops tickets sharing nothing", () => {
    const ranked = rankTickets("my card was charged twice, I want a refund", 10, sample);
    // C: card, charged, twice in subject (2 each) + refund in resolution (1) = 7;
    // B: refund in subject (2) + card in resolution (1) = 3; A shares nothing.
    expect(ranked.map((t) => [t.id, t.score])).toEqual([
      ["C", 7],
      ["B", 3],
    ]);
  });

  it("matches the category, ignores case, punctuation and stop words, and counts a word once", () => {
    expect(rankTickets("BILLING!!! billing", 10, sample).map((t) => [t.id, t.score])).toEqual([
      ["B", 2],
      ["C", 2],
    ]);
    expect(rankTickets("the and of to", 10, sample)).toEqual([]);
  });

  it("returns at most `limit` tickets with their fields", () => {
    const ranked = rankTickets("refund charged card password shipping", 2);
    expect(ranked).toHaveLength(2);
    for (const ticket of ranked) {
      const original = DEMO_TICKETS.find((t) => t.id === ticket.id);
      expect(ticket).toEqual({ ...original, score: ticket.score });
    }
  });

  it("finds the double-charge ticket in the demo data for a double-charge complaint", () => {
    const [best] = similarTickets({ query: "I was charged twice this month", limit: 3 }).tickets;
    expect(best?.id).toBe("T-1001");
  });

  it("splits text into distinct content words, letters and digits in any script", () => {
    expect([...words("Café crashes on iOS 17, café!")]).toEqual(["café", "crashes", "ios", "17"]);
  });
});

describe("ticketsQuerySchema", () => {
  it("coerces the limit from the query string and defaults it to 3", () => {
    expect(ticketsQuerySchema.parse({ query: " refund ", limit: "5" })).toEqual({
      query: "refund",
      limit: 5,
    });
    expect(ticketsQuerySchema.parse({ query: "refund" }).limit).toBe(3);
  });

  it.each([
    [{}],
    [{ query: "   " }],
    [{ query: "x".repeat(501) }],
    [{ query: "refund", limit: "0" }],
    [{ query: "refund", limit: "11" }],
    [{ query: "refund", limit: "2.5" }],
    [{ query: "refund", limit: "many" }],
  ])("refuses %o", (input) => {
    expect(ticketsQuerySchema.safeParse(input).success).toBe(false);
  });

  it("accepts a query of exactly 500 characters", () => {
    expect(ticketsQuerySchema.safeParse({ query: "y".repeat(500) }).success).toBe(true);
  });
});

describe("demo data", () => {
  it("holds about twenty tickets with unique ids and every field filled", () => {
    expect(DEMO_TICKETS.length).toBeGreaterThanOrEqual(18);
    expect(new Set(DEMO_TICKETS.map((t) => t.id)).size).toBe(DEMO_TICKETS.length);
    for (const t of DEMO_TICKETS) expect(t.subject && t.category && t.resolution).toBeTruthy();
  });
});
