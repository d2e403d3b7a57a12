import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { deliverRelayedRunEvent, setRunEventRelay, type RunStreamEvent } from "../runs/event-bus";
import { logger } from "../logger";
import { queuePrefix } from "./run-queue";

/** An event as it travels: without the settled run row (read back where it is needed). */
interface WireEvent {
  origin: string;
  event: Omit<RunStreamEvent, "run">;
}

/**
 * Relays run events through Redis pub/sub, one channel per run: a worker publishes every event of
 * the runs it executes, and a process listens to a run's channel while something here subscribes
 * to it (a sync call, an SSE stream). Returns the function that stops relaying.
 */
export function startRunEventRelay(url: string): () => Promise<void> {
  const origin = randomUUID();
  const prefix = `${queuePrefix()}:run-events:`;
  const publisher = new Redis(url, { maxRetriesPerRequest: 1 });
  // No ready check: its INFO would fail on a connection that subscribed while connecting, and the
  // connection would drop (ioredis resubscribes on its own after a reconnect).
  const subscriber = new Redis(url, { enableReadyCheck: false });
  const listeners = new Map<string, number>();
  const warn = (err: unknown) => logger.warn({ err }, "run event relay");
  publisher.on("error", warn);
  subscriber.on("error", warn);
  subscriber.on("message", (channel: string, message: string) => {
    const wire = JSON.parse(message) as WireEvent;
    if (wire.origin !== origin) deliverRelayedRunEvent(channel.slice(prefix.length), wire.event);
  });
  setRunEventRelay({
    publish(runId, { run: _settled, ...event }) {
      const wire: WireEvent = { origin, event };
      publisher.publish(prefix + runId, JSON.stringify(wire)).catch(warn);
    },
    listen(runId) {
      const count = listeners.get(runId) ?? 0;
      listeners.set(runId, count + 1);
      if (count === 0) subscriber.subscribe(prefix + runId).catch(warn);
      return () => {
        const left = (listeners.get(runId) ?? 1) - 1;
        if (left > 0) return void listeners.set(runId, left);
        listeners.delete(runId);
        subscriber.unsubscribe(prefix + runId).catch(warn);
      };
    },
  });
  return async () => {
    setRunEventRelay(undefined);
    await Promise.all([publisher.quit(), subscriber.quit()]).catch(warn);
  };
}
