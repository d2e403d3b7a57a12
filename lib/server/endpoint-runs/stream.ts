import type { ApiCaller } from "../api-keys/authenticate";
import { streamRunEvents } from "../runs/run-stream";
import { loadEndpointRun } from "./read";

function frame(type: string, data: unknown): Uint8Array {
  return new TextEncoder().encode(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
}

/**
 * The stream mode of the run API: `run.created` with the run, the run's engine events (node
 * events and LLM tokens, replayed from the start), then `run.result` with the settled run. The
 * run is not tied to the request: a client that disconnects ends only its stream.
 */
export async function streamEndpointRun(
  caller: ApiCaller,
  runId: string,
  signal: AbortSignal,
  headers: Record<string, string> = {},
): Promise<Response> {
  const created = await loadEndpointRun(caller, runId);
  const events = await streamRunEvents({ workspace: { id: caller.workspaceId } }, runId, 0, signal);
  const reader = events.body!.getReader();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        controller.enqueue(frame("run.created", { run: created }));
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          controller.enqueue(value);
        }
        if (signal.aborted) return;
        controller.enqueue(frame("run.result", { run: await loadEndpointRun(caller, runId) }));
        controller.close();
      } catch {
        // The client went away: its stream ends here, the run goes on.
      }
    },
    cancel() {
      void reader.cancel().catch(() => undefined);
    },
  });
  return new Response(stream, { headers: { ...Object.fromEntries(events.headers), ...headers } });
}
