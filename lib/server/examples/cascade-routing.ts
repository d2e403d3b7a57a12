import type { FlowGraph } from "@/lib/engine";
import { buildGraph } from "./graph-builder";

/** Cascade routing: a cheap model answers; a judge escalates to a stronger model only when needed. */
export function cascadeRoutingGraph(): FlowGraph {
  return buildGraph(
    [
      [
        "input",
        "input",
        "Question",
        {
          schema: {
            type: "object",
            required: ["question"],
            properties: { question: { type: "string", maxLength: 5000 } },
          },
        },
        0,
        120,
      ],
      [
        "answer",
        "cascade",
        "Answer (cheap, then strong)",
        {
          prompt: {
            kind: "inline",
            system: "You answer customer questions about Acme's product briefly and accurately.",
            template: "{{ input.question }}",
          },
          cheap: { connection: "simulated", model: "sim-small" },
          strong: { connection: "simulated", model: "sim-large" },
          judge: {
            model: { connection: "simulated", model: "sim-small" },
            criteria: "Answers the question completely and correctly.",
            threshold: 0.7,
          },
        },
        300,
        120,
      ],
      ["output", "output", "Answer", {}, 600, 120],
    ],
    [
      ["input", "out", "answer"],
      ["answer", "out", "output"],
    ],
  );
}
