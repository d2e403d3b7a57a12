import { describe, expect, it } from "vitest";
import { readThrottle, recordThrottleFailure } from "@/lib/db/throttle";
import { expectApiError } from "@/test/api-error";
import { testDbKind, setupTestDatabase } from "@/test/database";
import { uniqueEmail } from "@/test/fixtures";
import { assertNotThrottled, recordFailedLogin, recordSuccessfulLogin } from "./login-throttle";

setupTestDatabase();

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const t0 = new Date("2031-03-01T12:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

let addressCounter = 0;
/** A client address of its own per test, so the per-address counter never leaks between tests. */
const uniqueAddress = () => `10.0.${process.pid % 250}.${++addressCounter}`;

/** Records `count` failed sign-ins for one account, one second apart from `start`. */
async function fail(email: string, address: string, count: number, start = 0): Promise<void> {
  for (let i = 0; i < count; i++) await recordFailedLogin(email, address, at(start + i * SECOND));
}

describe(`login throttle on ${testDbKind}`, () => {
  it("blocks an account after 5 failures with a 429 and a Retry-After of at least 1 s", async () => {
    const [email, address] = [uniqueEmail(), uniqueAddress()];
    await fail(email, address, 4);
    await expect(assertNotThrottled(email, address, at(4 * SECOND))).resolves.toBeUndefined();

    await recordFailedLogin(email, address, at(4 * SECOND));

    const error = await expectApiError(
      assertNotThrottled(email, address, at(5 * SECOND)),
      429,
      "rate_limited",
    );
    const retryAfter = Number(error.headers["Retry-After"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBe(29); // blocked for 30 s from the 5th failure at t0+4s
    expect(error.details).toEqual({ retryAfterSeconds: retryAfter });
    expect(error.message).toContain(`${retryAfter} seconds`);
    // Another account from the same address is not blocked by it.
    await expect(
      assertNotThrottled(uniqueEmail(), address, at(5 * SECOND)),
    ).resolves.toBeUndefined();
  });

  it("rounds a sub-second remainder up to Retry-After: 1", async () => {
    const [email, address] = [uniqueEmail(), uniqueAddress()];
    await fail(email, address, 5); // last failure at t0+4s, blocked until t0+34s
    const error = await expectApiError(
      assertNotThrottled(email, address, at(33.6 * SECOND)),
      429,
      "rate_limited",
    );
    expect(error.headers["Retry-After"]).toBe("1");
  });

  it("lifts the block once its time has passed", async () => {
    const [email, address] = [uniqueEmail(), uniqueAddress()];
    await fail(email, address, 5);
    const blockedUntil = (await readThrottle(`acct:${email}`))!.blockedUntil!;
    expect(blockedUntil.getTime()).toBe(at(34 * SECOND).getTime());

    await expectApiError(
      assertNotThrottled(email, address, at(34 * SECOND - 1)),
      429,
      "rate_limited",
    );
    await expect(assertNotThrottled(email, address, at(34 * SECOND))).resolves.toBeUndefined();
    await expect(assertNotThrottled(email, address, at(10 * MINUTE))).resolves.toBeUndefined();
  });

  it("doubles the block for each further failure inside the window", async () => {
    const [email, address] = [uniqueEmail(), uniqueAddress()];
    await fail(email, address, 5);
    await recordFailedLogin(email, address, at(40 * SECOND)); // 6th failure, after the first block ended
    expect((await readThrottle(`acct:${email}`))!.blockedUntil!.getTime()).toBe(
      at(100 * SECOND).getTime(),
    );
  });

  it("restarts the count when 15 minutes have passed since the window opened", async () => {
    const address = uniqueAddress();
    const [late, early] = [uniqueEmail(), uniqueEmail()];
    await fail(late, address, 4);
    await fail(early, address, 4);

    await recordFailedLogin(late, address, at(15 * MINUTE + SECOND));
    await recordFailedLogin(early, address, at(14 * MINUTE));

    expect(await readThrottle(`acct:${late}`)).toEqual({ failures: 1, blockedUntil: null });
    await expect(
      assertNotThrottled(late, address, at(15 * MINUTE + 2 * SECOND)),
    ).resolves.toBeUndefined();
    expect((await readThrottle(`acct:${early}`))?.failures).toBe(5);
    await expectApiError(
      assertNotThrottled(early, address, at(14 * MINUTE + SECOND)),
      429,
      "rate_limited",
    );
  });

  it("clears the account's failures after a successful sign-in, but not the address's", async () => {
    const [email, address] = [uniqueEmail(), uniqueAddress()];
    await fail(email, address, 4);

    await recordSuccessfulLogin(email);

    expect(await readThrottle(`acct:${email}`)).toBeNull();
    expect((await readThrottle(`addr:${address}`))?.failures).toBe(4);
    await fail(email, address, 4, 10 * SECOND);
    await expect(assertNotThrottled(email, address, at(20 * SECOND))).resolves.toBeUndefined();
  });

  it("blocks an address after 30 failures spread over different accounts", async () => {
    const [address, otherAddress, newcomer] = [uniqueAddress(), uniqueAddress(), uniqueEmail()];
    for (let i = 0; i < 29; i++) await recordFailedLogin(uniqueEmail(), address, at(i * SECOND));
    await expect(assertNotThrottled(newcomer, address, at(30 * SECOND))).resolves.toBeUndefined();

    await recordFailedLogin(uniqueEmail(), address, at(30 * SECOND));

    const error = await expectApiError(
      assertNotThrottled(newcomer, address, at(31 * SECOND)),
      429,
      "rate_limited",
    );
    expect(Number(error.headers["Retry-After"])).toBe(59);
    await expect(
      assertNotThrottled(newcomer, otherAddress, at(31 * SECOND)),
    ).resolves.toBeUndefined();
  });

  it("counts 20 concurrent failures on one key exactly once each (atomic upsert)", async () => {
    const key = `test:${uniqueEmail()}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        recordThrottleFailure(key, t0, 15 * MINUTE, 1000, 30 * SECOND),
      ),
    );

    expect(await readThrottle(key)).toEqual({ failures: 20, blockedUntil: null });
    expect(results.map((r) => r.failures).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  it("blocks a key that reaches its limit under concurrent failures", async () => {
    const key = `test:${uniqueEmail()}`;
    await Promise.all(
      Array.from({ length: 20 }, () => recordThrottleFailure(key, t0, 15 * MINUTE, 5, 30 * SECOND)),
    );
    expect(await readThrottle(key)).toEqual({ failures: 20, blockedUntil: at(30 * SECOND) });
  });
});
