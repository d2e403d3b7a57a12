import { z } from "zod";

/**
 * Knobs of the offline Simulated model, set per node as `parameters.simulated` (they override the
 * connection's, which override the model's); other providers ignore them.
 */
export const simulatedKnobsSchema = z
  .strictObject({
    /** Wait before answering (ms). */
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    /** Share of calls that fail (0-1), drawn at random per call so retries can succeed. */
    failureRate: z.number().min(0).max(1).optional(),
    /** How a failure looks: a retryable 5xx-like error or a 429 with Retry-After. */
    failureKind: z.enum(["server_error", "rate_limit"]).optional(),
    /** Delay between streamed words (ms). */
    tokenDelayMs: z.number().int().min(0).max(5_000).optional(),
    /** Approximate length of free-text answers in tokens. */
    outputTokens: z.number().int().min(1).max(8_000).optional(),
  })
  .meta({
    title: "Simulated model",
    description: "Only for the offline Simulated model: latency, failure rate and answer length.",
  });

/** Simulated model knobs. */
export type SimulatedKnobs = z.infer<typeof simulatedKnobsSchema>;
