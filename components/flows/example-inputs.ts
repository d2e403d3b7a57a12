/** Inputs the seeded example flows are run with first, by flow name. */
const EXAMPLE_INPUTS: Record<string, unknown> = {
  "Ticket triage (example)": {
    subject: "Charged twice this month",
    body: "I was charged twice on my invoice this month, please refund one payment.",
  },
  "Cascade routing (example)": { question: "How do I export my invoices as CSV?" },
};

/** The JSON the Run dialog starts with: the example's input for a seeded flow, else `{}`. */
export function initialRunInput(flowName: string): string {
  const example = EXAMPLE_INPUTS[flowName];
  return example === undefined ? "{}" : JSON.stringify(example, null, 2);
}
