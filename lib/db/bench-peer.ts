import { getDb } from "./client";
import { jsonValue } from "./json";

/** What the endpoint benchmark's peer route stores per call. */
export interface BenchPeerCallRecord {
  input: unknown;
  answer: string;
  tokensIn: number;
  tokensOut: number;
}

/** Inserts one BenchPeerCall row (a single INSERT, nothing read back). */
export async function recordBenchPeerCall(call: BenchPeerCallRecord): Promise<void> {
  await getDb().benchPeerCall.createMany({ data: [{ ...call, input: jsonValue(call.input) }] });
}
