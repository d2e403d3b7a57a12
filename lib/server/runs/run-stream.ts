import { listRunEvents } from "@/lib/db/node-runs";
import { loadRun } from "@/lib/db/runs";
import { errors } from "../errors";
import { recentRunEvents, subscribeRunEvents, type RunStreamEvent } from "./event-bus";

const HEARTBEAT_MS = 15_000;
const FINAL_EVENTS = new Set(["run.persisted"]);
const REPLAY_PAGE = 1_000;

function frame(event: RunStreamEvent): string {
  return `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/**
 * An SSE stream of a run's engine events: first the recorded ones after `lastEventId`
 * (Last-Event-ID), then those published here but not yet written, then live ones, de-duplicated
 * by sequence. It ends after the run settles
 * (finished or waiting). A client leaving closes the stream only; the run goes on.
 */
export async function streamRunEvents(
  ctx: { workspace: { id: string } },
  runId: string,
  lastEventId: number,
  signal: AbortSignal,
): Promise<Response> {
  const run = await loadRun(runId, ctx.workspace.id);
  if (!run) throw errors.notFound("Run");
  const encoder = new TextEncoder();
  let cleanup = () => undefined as void;

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let lastSent = lastEventId;
      let closed = false;
      const buffered: RunStreamEvent[] = [];
      let replaying = true;
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        controller.close();
      };
      const send = (event: RunStreamEvent) => {
        if (closed || event.seq <= lastSent) return;
        lastSent = event.seq;
        controller.enqueue(encoder.encode(frame(event)));
        if (FINAL_EVENTS.has(event.type)) close();
      };
      const unsubscribe = subscribeRunEvents(runId, (event) =>
        replaying ? buffered.push(event) : send(event),
      );
      const heartbeat = setInterval(
        () => !closed && controller.enqueue(encoder.encode(": heartbeat\n\n")),
        HEARTBEAT_MS,
      );
      cleanup = () => {
        unsubscribe();
        clearInterval(heartbeat);
      };
      signal.addEventListener("abort", close, { once: true });
      for (;;) {
        const page = await listRunEvents(runId, lastSent, REPLAY_PAGE);
        for (const row of page) send({ seq: row.seq, type: row.type, data: row.data });
        if (page.length < REPLAY_PAGE || closed) break;
      }
      for (const event of recentRunEvents(runId)) send(event);
      replaying = false;
      for (const event of buffered.splice(0)) send(event);
      const current = await loadRun(runId);
      if (
        current &&
        ["succeeded", "failed", "cancelled", "waiting"].includes(current.status) &&
        !closed
      ) {
        send({ seq: lastSent + 1, type: "run.persisted", data: { status: current.status } });
      }
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
