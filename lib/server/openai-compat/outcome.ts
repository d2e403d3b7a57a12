import type { EndpointRunDto } from "@/lib/schemas/endpoint-runs";
import { ApiError } from "../errors";

function reason(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === "string" ? `: ${message}` : "";
}

/**
 * Why a run gives no completion, as an error in OpenAI's shape (null when it succeeded): a failed
 * or cancelled run is a 500 (`run_failed`, `run_cancelled`); one still running or waiting for a
 * person is a 504 (`run_pending`) naming its status URL, where its result appears later.
 */
export function runOutcomeError(run: EndpointRunDto): ApiError | null {
  if (run.status === "succeeded") return null;
  const ids = { runId: run.id, statusUrl: run.statusUrl };
  if (run.status === "failed")
    return new ApiError(500, "internal", `Run ${run.id} failed${reason(run.error)}`, {
      ...ids,
      openAiCode: "run_failed",
    });
  if (run.status === "cancelled")
    return new ApiError(500, "internal", `Run ${run.id} was cancelled.`, {
      ...ids,
      openAiCode: "run_cancelled",
    });
  const why = run.status === "waiting" ? "is waiting for a person" : "has not finished yet";
  return new ApiError(
    504,
    "unavailable",
    `Run ${run.id} ${why}; GET ${run.statusUrl} for its result.`,
    {
      ...ids,
      openAiCode: "run_pending",
    },
  );
}
