import { EventEmitter } from "node:events";

/** An engine event as streamed and stored: its sequence number is the SSE event id. */
export interface RunStreamEvent {
  seq: number;
  type: string;
  data: unknown;
}

const globalKey = Symbol.for("trellis.runEventBus");
type GlobalWithBus = typeof globalThis & { [globalKey]?: EventEmitter };

function bus(): EventEmitter {
  const g = globalThis as GlobalWithBus;
  if (!g[globalKey]) {
    g[globalKey] = new EventEmitter();
    g[globalKey].setMaxListeners(0);
  }
  return g[globalKey];
}

/** Publishes a run's event to live listeners in this process. */
export function publishRunEvent(runId: string, event: RunStreamEvent): void {
  bus().emit(runId, event);
}

/** Listens to a run's live events; returns the unsubscribe function. */
export function subscribeRunEvents(
  runId: string,
  listener: (event: RunStreamEvent) => void,
): () => void {
  bus().on(runId, listener);
  return () => bus().off(runId, listener);
}
