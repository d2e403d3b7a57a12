import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's recommended minimums (19 MiB, 2 passes).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** A hash of a random password, so unknown accounts cost as much to check as real ones. */
let decoyHash: Promise<string> | undefined;

/** Verifies a password; with no stored hash it still spends the same time and returns false. */
export async function verifyPassword(
  stored: string | null | undefined,
  password: string,
): Promise<boolean> {
  decoyHash ??= hashPassword("decoy-password-that-never-matches");
  const target = stored ?? (await decoyHash);
  try {
    const ok = await verify(target, password);
    return ok && stored != null;
  } catch {
    return false;
  }
}
