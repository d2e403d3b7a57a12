import { getDb } from "./client";

/** Failure count of one throttle key inside its current window. */
export interface ThrottleState {
  failures: number;
  blockedUntil: Date | null;
}

/** Reads a throttle key (null when it has no failures). */
export function readThrottle(key: string): Promise<ThrottleState | null> {
  return getDb().authThrottle.findUnique({
    where: { key },
    select: { failures: true, blockedUntil: true },
  });
}

/**
 * Records one failure atomically: restarts the window when it has expired, and blocks the key
 * until `now + blockMs` once `maxFailures` is reached. Returns the new state.
 */
export async function recordThrottleFailure(
  key: string,
  now: Date,
  windowMs: number,
  maxFailures: number,
  blockMs: number,
): Promise<ThrottleState> {
  const windowFloor = new Date(now.getTime() - windowMs);
  const blockUntil = new Date(now.getTime() + blockMs);
  const rows = await getDb().$queryRaw<ThrottleState[]>`
    INSERT INTO "AuthThrottle" (key, failures, "windowStart")
    VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN "AuthThrottle"."windowStart" < ${windowFloor} THEN 1 ELSE "AuthThrottle".failures + 1 END,
      "windowStart" = CASE WHEN "AuthThrottle"."windowStart" < ${windowFloor} THEN ${now} ELSE "AuthThrottle"."windowStart" END
    RETURNING failures, "blockedUntil"`;
  const state = rows[0]!;
  if (state.failures >= maxFailures) {
    await getDb().authThrottle.update({ where: { key }, data: { blockedUntil: blockUntil } });
    return { failures: state.failures, blockedUntil: blockUntil };
  }
  return state;
}

/** Clears a key after a successful sign-in. */
export async function clearThrottle(key: string): Promise<void> {
  await getDb().authThrottle.deleteMany({ where: { key } });
}
