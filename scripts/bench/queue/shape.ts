/** What bench:queue runs: the shape its parts (the benchmark, its peer worker) share. */
export const QUEUE_SHAPE = {
  /** The Simulated model's latency per run. */
  latencyMs: 200,
  concurrency: 10,
  /** Runs per throughput measurement (a backlog drained by the workers). */
  backlog: 400,
  /** The steady rate of the enqueue-to-start measurement, and for how long. */
  rate: 50,
  rateSeconds: 10,
};

/** The bare BullMQ peer's queue. */
export const PEER_QUEUE = "bench-peer";
