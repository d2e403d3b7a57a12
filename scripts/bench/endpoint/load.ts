import autocannon from "autocannon";

/** What one autocannon measurement saw. */
export interface LoadFigures {
  /** Wall time of the measurement (s). */
  seconds: number;
  /** Requests sent. */
  sent: number;
  /** 200 answers. */
  ok: number;
  /** Latency (ms) of every 200 answer, from sending the request to the end of the answer. */
  latencies: number[];
  /** Connection errors and timeouts, and answers other than 200 by status ("202": 3). */
  failures: { errors: number; timeouts: number; statuses: Record<string, number> };
}

/** Requests that did not end in a 200. */
export const failureCount = ({ failures }: LoadFigures) =>
  failures.errors + Object.values(failures.statuses).reduce((sum, n) => sum + n, 0);

/**
 * Measurements as one: counts and samples added; the wall time is the mean of parts taken side by
 * side (`concurrent`), else their sum (one after another).
 */
export function mergeFigures(parts: readonly LoadFigures[], concurrent = false): LoadFigures {
  const total = (pick: (f: LoadFigures) => number) => parts.reduce((t, f) => t + pick(f), 0);
  const statuses: Record<string, number> = {};
  for (const part of parts) {
    for (const [status, n] of Object.entries(part.failures.statuses))
      statuses[status] = (statuses[status] ?? 0) + n;
  }
  return {
    seconds: concurrent
      ? total((f) => f.seconds) / Math.max(1, parts.length)
      : total((f) => f.seconds),
    sent: total((f) => f.sent),
    ok: total((f) => f.ok),
    latencies: parts.flatMap((f) => f.latencies),
    failures: {
      errors: total((f) => f.failures.errors),
      timeouts: total((f) => f.failures.timeouts),
      statuses,
    },
  };
}

/** The same JSON POST for every request. */
export interface LoadRequest {
  url: string;
  body: unknown;
  headers?: Record<string, string>;
}

/** One autocannon run of `seconds` over `connections` (one request in flight each), at `rate` overall if given. */
async function run(
  request: LoadRequest,
  options: { seconds: number; connections: number; rate?: number },
): Promise<LoadFigures> {
  const latencies: number[] = [];
  const settings: autocannon.Options = {
    url: request.url,
    method: "POST",
    headers: { "content-type": "application/json", ...request.headers },
    body: JSON.stringify(request.body),
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    // Latencies are recorded per answer below: the coordinated-omission correction would assume
    // 1 ms between requests (Math.ceil(1 / rate)) and fill the histogram with made-up samples.
    ...(options.rate ? { overallRate: options.rate, ignoreCoordinatedOmission: true } : {}),
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(settings, (error, done: autocannon.Result) =>
      error ? reject(error) : resolve(done),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
    });
  });
  const statuses: Record<string, number> = {};
  for (const [status, { count = 0 }] of Object.entries(result.statusCodeStats ?? {})) {
    if (status !== "200") statuses[status] = count;
  }
  return {
    seconds: result.duration,
    sent: result.requests.sent,
    ok: result.statusCodeStats?.["200"]?.count ?? 0,
    latencies,
    failures: { errors: result.errors, timeouts: result.timeouts, statuses },
  };
}

/** Closed loop: `connections` clients, each sending its next request when the last one answered. */
export function closedLoop(
  request: LoadRequest,
  options: { seconds: number; connections: number },
): Promise<LoadFigures> {
  return run(request, options);
}

/**
 * Open loop at `rate` requests/s over `connections` clients. autocannon's rate is a budget per
 * client per second, spent back to back from the start of the client's second; one autocannon per
 * client, started 1000 / connections ms apart, spreads those seconds so requests do not all
 * arrive in one burst at each second's start.
 */
export async function atRate(
  request: LoadRequest,
  options: { seconds: number; connections: number; rate: number },
): Promise<LoadFigures> {
  const perClient = options.rate / options.connections;
  if (!Number.isInteger(perClient)) throw new Error("rate must be a multiple of connections");
  const gapMs = 1_000 / options.connections;
  const parts = await Promise.all(
    Array.from({ length: options.connections }, async (_, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * gapMs));
      return run(request, { seconds: options.seconds, connections: 1, rate: perClient });
    }),
  );
  return mergeFigures(parts, true);
}
