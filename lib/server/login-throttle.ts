import { clearThrottle, readThrottle, recordThrottleFailure } from "@/lib/db/throttle";
import { errors } from "./errors";

/** Limits for one kind of throttle key. */
interface Policy {
  prefix: string;
  maxFailures: number;
  windowMs: number;
  baseBlockMs: number;
  maxBlockMs: number;
}

const MINUTE = 60_000;

/** Failed sign-ins per account: 5 in 15 minutes, then blocked, doubling from 30 s up to 15 min. */
const ACCOUNT: Policy = {
  prefix: "acct:",
  maxFailures: 5,
  windowMs: 15 * MINUTE,
  baseBlockMs: 30_000,
  maxBlockMs: 15 * MINUTE,
};
/** Failed sign-ins per client address (spraying many accounts): 30 in 15 minutes. */
const ADDRESS: Policy = {
  prefix: "addr:",
  maxFailures: 30,
  windowMs: 15 * MINUTE,
  baseBlockMs: MINUTE,
  maxBlockMs: 30 * MINUTE,
};

function keys(email: string, address: string): [Policy, string][] {
  return [
    [ACCOUNT, ACCOUNT.prefix + email],
    [ADDRESS, ADDRESS.prefix + address],
  ];
}

/** Throws 429 with Retry-After while the account or the address is blocked. */
export async function assertNotThrottled(
  email: string,
  address: string,
  now = new Date(),
): Promise<void> {
  for (const [, key] of keys(email, address)) {
    const state = await readThrottle(key);
    if (state?.blockedUntil && state.blockedUntil > now) {
      const seconds = Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 1000);
      throw errors.rateLimited(
        seconds,
        `Too many failed sign-in attempts. Try again in ${seconds} seconds.`,
      );
    }
  }
}

/** Counts a failed sign-in against the account and the address. */
export async function recordFailedLogin(
  email: string,
  address: string,
  now = new Date(),
): Promise<void> {
  for (const [policy, key] of keys(email, address)) {
    const state = await readThrottle(key);
    const over = Math.max(0, (state?.failures ?? 0) + 1 - policy.maxFailures);
    const blockMs = Math.min(policy.maxBlockMs, policy.baseBlockMs * 2 ** over);
    await recordThrottleFailure(key, now, policy.windowMs, policy.maxFailures, blockMs);
  }
}

/** Forgets the account's failures after a successful sign-in. */
export async function recordSuccessfulLogin(email: string): Promise<void> {
  await clearThrottle(ACCOUNT.prefix + email);
}
