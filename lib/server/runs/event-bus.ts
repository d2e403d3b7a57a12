import { EventEmitter } from "node:events";
import type { SettledRunRecord } from "@/lib/db/runs";

/** An engine event as streamed and stored: its sequence number is the SSE event id. */
export interface RunStreamEvent {
  seq: number;
  type: string;
  data: unknown;
  /** On `run.persisted` in the process that settled it: the run as stored (never streamed or stored). */
  run?: SettledRunRecord;
}

/** Carries run events between processes (queue mode: workers publish, web processes listen). */
export interface RunEventRelay {
  publish(runId: string, event: RunStreamEvent): void;
  /** Starts relaying a run's events to this process; returns the function that stops it. */
  listen(runId: string): () => void;
}

const globalKey = Symbol.for("trellis.runEventBus");
const historyKey = Symbol.for("trellis.runEventHistory");
const relayKey = Symbol.for("trellis.runEventRelay");
type GlobalWithBus = typeof globalThis & {
  [globalKey]?: EventEmitter;
  [historyKey]?: Map<string, RunStreamEvent[]>;
  [relayKey]?: RunEventRelay;
};

/** Installs (or, with undefined, removes) the relay to other processes. */
export function setRunEventRelay(relay: RunEventRelay | undefined): void {
  (globalThis as GlobalWithBus)[relayKey] = relay;
}

const relay = () => (globalThis as GlobalWithBus)[relayKey];

/** Events of a run kept in memory while it runs here, so a late subscriber misses none not yet written. */
const HISTORY_LIMIT = 20_000;
const HISTORY_TTL_MS = 60_000;

function history(): Map<string, RunStreamEvent[]> {
  const g = globalThis as GlobalWithBus;
  g[historyKey] ??= new Map();
  return g[historyKey];
}

function bus(): EventEmitter {
  const g = globalThis as GlobalWithBus;
  if (!g[globalKey]) {
    g[globalKey] = new EventEmitter();
    g[globalKey].setMaxListeners(0);
  }
  return g[globalKey];
}

/** Publishes a run's event to live listeners in this process and keeps it in the run's recent history. */
export function publishRunEvent(runId: string, event: RunStreamEvent): void {
  const recent = history().get(runId) ?? [];
  if (recent.length === 0) history().set(runId, recent);
  if (recent.length < HISTORY_LIMIT) recent.push(event);
  if (event.type === "run.persisted")
    setTimeout(() => history().delete(runId), HISTORY_TTL_MS).unref();
  bus().emit(runId, event);
  relay()?.publish(runId, event);
}

/** Hands an event another process published to this process's listeners of the run. */
export function deliverRelayedRunEvent(runId: string, event: RunStreamEvent): void {
  bus().emit(runId, event);
}

/** Events this process published for a run recently (some may not be written yet). */
export function recentRunEvents(runId: string): readonly RunStreamEvent[] {
  return history().get(runId) ?? [];
}

/** Listens to a run's live events; returns the unsubscribe function. */
export function subscribeRunEvents(
  runId: string,
  listener: (event: RunStreamEvent) => void,
): () => void {
  bus().on(runId, listener);
  const stopRelay = relay()?.listen(runId);
  return () => {
    bus().off(runId, listener);
    stopRelay?.();
  };
}
