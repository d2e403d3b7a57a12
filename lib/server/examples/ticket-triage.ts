import type { FlowGraph } from "@/lib/engine";
import { buildGraph } from "./graph-builder";

const SIM_SMALL = { connection: "simulated", model: "sim-small" };

/** The managed prompt the triage draft uses (seeded as `support-reply`, label production). */
export const SUPPORT_REPLY_TEMPLATE = `You are a support agent for Acme. Write a short, friendly reply to this ticket.
Category: {{ label }}
Subject: {{ input.input.subject }}
{{ input.input.body }}
{% if body.tickets %}Similar past tickets:{% for t in body.tickets %}
- {{ t.subject }}: {{ t.resolution }}{% endfor %}{% endif %}`;

/**
 * Ticket triage: classify; on low confidence look up similar past tickets (demo API); draft a
 * reply with the managed prompt; guard it; send failures to a human reviewer.
 */
export function ticketTriageGraph(demoApiPrefix: string): FlowGraph {
  return buildGraph(
    [
      [
        "input",
        "input",
        "Ticket",
        {
          schema: {
            type: "object",
            required: ["subject", "body"],
            properties: {
              subject: { type: "string", maxLength: 300 },
              body: { type: "string", maxLength: 10000 },
              customerId: { type: "string" },
            },
          },
        },
        0,
        200,
      ],
      [
        "classify",
        "classifier",
        "Classify intent",
        {
          model: SIM_SMALL,
          labels: [
            { name: "billing", description: "invoice, refund, payment, charge, price, plan" },
            { name: "technical", description: "bug, error, crash, outage, login, api" },
            { name: "account", description: "password, email, user, access, delete account" },
          ],
          instructions: "Classify the support ticket by its subject and body.",
          threshold: 0.7,
        },
        260,
        200,
      ],
      [
        "lookup",
        "http-tool",
        "Similar past tickets",
        {
          method: "GET",
          url: `${demoApiPrefix}tickets?limit=3&query={{ input.input.subject | url_encode }}`,
          responseType: "json",
        },
        520,
        360,
      ],
      ["context", "merge", "Collect context", { mode: "object" }, 780, 200],
      [
        "draft",
        "llm",
        "Draft reply",
        {
          prompt: { kind: "managed", name: "support-reply", label: "production" },
          parameters: { temperature: 0.3 },
        },
        1040,
        200,
      ],
      [
        "guard",
        "validator",
        "Guardrail",
        {
          checks: [
            { kind: "forbidden_terms", terms: ["guarantee", "lawsuit"] },
            { kind: "pii", types: ["card", "iban"] },
            {
              kind: "llm_judge",
              model: SIM_SMALL,
              criteria: "Polite, answers the ticket, promises nothing we cannot keep.",
              threshold: 0.6,
            },
          ],
        },
        1300,
        200,
      ],
      [
        "review",
        "human-review",
        "Human review",
        { instructions: "The draft failed the guardrail: approve, edit or reject it." },
        1560,
        360,
      ],
      ["final", "merge", "Final reply", { mode: "first" }, 1820, 200],
      ["reply", "output", "Reply", { pick: "value" }, 2080, 200],
      ["rejected", "output", "Rejected", {}, 1820, 480],
    ],
    [
      ["input", "out", "classify"],
      ["classify", "billing", "context"],
      ["classify", "technical", "context"],
      ["classify", "account", "context"],
      ["classify", "low_confidence", "context"],
      ["classify", "low_confidence", "lookup"],
      ["lookup", "out", "context"],
      ["context", "out", "draft"],
      ["draft", "out", "guard"],
      ["guard", "pass", "final"],
      ["guard", "fail", "review"],
      ["review", "approved", "final"],
      ["review", "edited", "final"],
      ["review", "rejected", "rejected"],
      ["final", "out", "reply"],
    ],
  );
}
