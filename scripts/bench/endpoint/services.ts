import Redis from "ioredis";
import { Client } from "pg";

/**
 * The Redis the app uses (`BENCH_REDIS_URL`, default 127.0.0.1:6379) when it answers PING, as in
 * the scaled deployment PostgreSQL goes with; otherwise none (the rate limiter counts in memory).
 */
export async function benchRedisUrl(): Promise<{ url: string; note: string }> {
  const url = process.env.BENCH_REDIS_URL || "redis://127.0.0.1:6379";
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
  });
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return { url, note: `Redis ${new URL(url).host} (per-key rate limits)` };
  } catch {
    return { url: "", note: `no Redis (${new URL(url).host} did not answer; limits in memory)` };
  } finally {
    redis.disconnect();
  }
}

/** What the scratch database holds after the load: runs by status and the peer's rows. */
export interface StoredCalls {
  runs: Record<string, number>;
  peerRows: number;
}

/** Read-only queries on the app's scratch database, to check the answers against what was stored. */
export class ScratchDb {
  private constructor(private readonly client: Client) {}

  /** Connects to `url`. */
  static async open(url: string): Promise<ScratchDb> {
    const client = new Client({ connectionString: url });
    await client.connect();
    return new ScratchDb(client);
  }

  /** Runs by status and BenchPeerCall rows. */
  async stored(): Promise<StoredCalls> {
    const runs = await this.client.query<{ status: string; n: string }>(
      `SELECT status, count(*) AS n FROM "Run" GROUP BY status`,
    );
    const peer = await this.client.query<{ n: string }>(
      `SELECT count(*) AS n FROM "BenchPeerCall"`,
    );
    return {
      runs: Object.fromEntries(runs.rows.map((row) => [row.status, Number(row.n)])),
      peerRows: Number(peer.rows[0]!.n),
    };
  }

  /** The PostgreSQL server's version, for the notes. */
  async serverVersion(): Promise<string> {
    const { rows } = await this.client.query<{ server_version: string }>("SHOW server_version");
    return rows[0]!.server_version;
  }

  /**
   * Waits until no run is queued or running, so the runs of requests cut off at the end of a
   * measurement finish before the next one; gives up after `limitMs`, or once the count has not
   * moved for `stuckMs` (runs that never settle). Returns how many are still in flight.
   */
  async drain(limitMs = 60_000, stuckMs = 5_000): Promise<number> {
    const deadline = Date.now() + limitMs;
    let last = -1;
    let movedAt = Date.now();
    for (;;) {
      const { rows } = await this.client.query<{ n: string }>(
        `SELECT count(*) AS n FROM "Run" WHERE status IN ('queued', 'running')`,
      );
      const inFlight = Number(rows[0]!.n);
      if (inFlight !== last) [last, movedAt] = [inFlight, Date.now()];
      if (inFlight === 0 || Date.now() > deadline || Date.now() - movedAt > stuckMs)
        return inFlight;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Closes the connection. */
  close(): Promise<void> {
    return this.client.end();
  }
}
