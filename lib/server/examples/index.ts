import type { SeedContent } from "@/lib/db/seed";
import { cascadeRoutingGraph } from "./cascade-routing";
import { SUPPORT_REPLY_TEMPLATE, ticketTriageGraph } from "./ticket-triage";

/** What a new workspace is seeded with: a managed prompt, example flows and the demo API allow rule. */
export type ExampleContent = Omit<SeedContent, "openai">;

/** The example content for a workspace served at `publicUrl`. */
export function exampleContent(publicUrl: string): ExampleContent {
  const demoApiPrefix = `${publicUrl.replace(/\/$/, "")}/api/demo/`;
  return {
    prompts: [
      {
        name: "support-reply",
        description: "Drafts a reply to a support ticket (used by the Ticket triage example).",
        template: SUPPORT_REPLY_TEMPLATE,
        model: { connection: "simulated", model: "sim-small" },
      },
    ],
    flows: [
      {
        name: "Ticket triage (example)",
        description:
          "Classifies a ticket, looks up similar tickets when unsure, drafts a reply, guards it, and asks a human when the guardrail fails.",
        graph: ticketTriageGraph(demoApiPrefix),
      },
      {
        name: "Cascade routing (example)",
        description:
          "Answers with a cheap model and escalates to a stronger one only when a judge is not satisfied.",
        graph: cascadeRoutingGraph(),
      },
    ],
    allowRules: [{ prefix: demoApiPrefix, note: "Demo tickets API (read-only, fixed data)" }],
  };
}
