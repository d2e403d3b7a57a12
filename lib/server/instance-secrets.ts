import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Secrets generated once per installation and kept in the data directory. */
export interface InstanceSecrets {
  authSecret: string;
  encryptionKey: string;
}

const FILE = "instance-secrets.json";

/**
 * Reads the installation's generated auth secret and encryption key from `dir`, creating them
 * (mode 0600) on first use. Explicit NEXTAUTH_SECRET / TRELLIS_ENCRYPTION_KEY override them.
 */
export function loadInstanceSecrets(dir: string): InstanceSecrets {
  const file = path.join(dir, FILE);
  let stored: Partial<InstanceSecrets> = {};
  try {
    stored = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<InstanceSecrets>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new Error(`Cannot read ${file}: ${(error as Error).message}`);
    }
  }
  // A parseable file of the wrong shape is corrupt too: regenerating would orphan every encrypted value.
  const valid =
    typeof stored === "object" &&
    stored !== null &&
    !Array.isArray(stored) &&
    [stored.authSecret, stored.encryptionKey].every(
      (value) => value === undefined || typeof value === "string",
    );
  if (!valid)
    throw new Error(
      `Cannot read ${file}: expected {"authSecret": string, "encryptionKey": string}`,
    );
  const secrets: InstanceSecrets = {
    authSecret: stored.authSecret ?? randomBytes(32).toString("base64url"),
    encryptionKey: stored.encryptionKey ?? randomBytes(32).toString("base64url"),
  };
  if (secrets.authSecret !== stored.authSecret || secrets.encryptionKey !== stored.encryptionKey) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return {
    authSecret: process.env.NEXTAUTH_SECRET || secrets.authSecret,
    encryptionKey: process.env.TRELLIS_ENCRYPTION_KEY || secrets.encryptionKey,
  };
}
