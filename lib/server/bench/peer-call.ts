import { z } from "zod";
import { recordBenchPeerCall } from "@/lib/db/bench-peer";
import { createSimulatedAdapter } from "../llm/providers/simulated";

/** Body of the peer route: the `{ input: { question } }` the benchmark also sends to the run API. */
export const benchPeerBodySchema = z.object({
  input: z.strictObject({ question: z.string().min(1).max(2_000) }),
});

/** The simulated model's knobs of the benchmark flow's LLM node (scripts/bench/endpoint/setup.ts). */
export const BENCH_SIMULATED_KNOBS = { latencyMs: 50, tokenDelayMs: 0 } as const;

const adapter = createSimulatedAdapter();

/**
 * The least a durable API does per request, as `npm run bench:endpoint`'s peer: one call of the
 * Simulated model (same adapter and knobs as the benchmark flow) and one row inserted.
 */
export async function benchPeerCall(
  body: z.output<typeof benchPeerBodySchema>,
  signal: AbortSignal,
): Promise<{ output: string; usage: { tokensIn: number; tokensOut: number } }> {
  const result = await adapter.complete(
    {
      model: "sim-small",
      messages: [{ role: "user", content: `Answer: ${body.input.question}` }],
      parameters: { simulated: BENCH_SIMULATED_KNOBS },
    },
    { signal, timeoutMs: 30_000 },
  );
  const usage = { tokensIn: result.usage.inputTokens, tokensOut: result.usage.outputTokens };
  await recordBenchPeerCall({ input: body.input, answer: result.text, ...usage });
  return { output: result.text, usage };
}
