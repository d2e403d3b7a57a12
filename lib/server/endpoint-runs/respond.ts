import {
  DEFAULT_SYNC_WAIT_MS,
  ENDPOINT_BODY_LIMIT,
  runEndpointSchema,
} from "@/lib/schemas/endpoint-runs";
import type { ApiCaller } from "../api-keys/authenticate";
import { validationError } from "../errors";
import { isSettled } from "../runs/await-run";
import { readJsonBody } from "../request-body";
import { idempotencyKeyOf } from "./idempotency";
import { startEndpointRun } from "./launch";
import { loadEndpointRun, settledEndpointRun } from "./read";
import { streamEndpointRun } from "./stream";

/**
 * POST /api/v1/flows/{slug}/run: reads and checks the body (413, 415, 400), starts the run (or
 * finds the one of an earlier request with the same Idempotency-Key) and answers by mode: sync
 * waits up to `waitMs` (200 once settled, else 202), async answers 202 at once, stream answers
 * Server-Sent Events until the run settles (a client leaving does not stop the run).
 */
export async function runEndpoint(
  caller: ApiCaller,
  slug: string,
  request: Request,
): Promise<Response> {
  const idempotencyKey = idempotencyKeyOf(request);
  const parsed = runEndpointSchema.safeParse(await readJsonBody(request, ENDPOINT_BODY_LIMIT));
  if (!parsed.success) throw validationError(parsed.error);
  const body = parsed.data;
  const { runId, replayed } = await startEndpointRun(caller, slug, body, idempotencyKey);
  const headers: Record<string, string> = replayed ? { "Idempotent-Replayed": "true" } : {};
  if (body.mode === "stream") return streamEndpointRun(caller, runId, request.signal, headers);
  const run =
    body.mode === "sync"
      ? await settledEndpointRun(caller, runId, body.waitMs ?? DEFAULT_SYNC_WAIT_MS)
      : await loadEndpointRun(caller, runId);
  const status = body.mode === "sync" && isSettled(run.status) ? 200 : 202;
  return Response.json(
    { run },
    { status, headers: { ...headers, ...(status === 202 ? { Location: run.statusUrl } : {}) } },
  );
}
