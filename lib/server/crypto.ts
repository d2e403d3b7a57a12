import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { getConfig } from "./config";

const VERSION = "v1";

function key(): Buffer {
  // Any configured string becomes a 256-bit key; generated keys are already 32 random bytes.
  return createHash("sha256").update(getConfig().encryptionKey).digest();
}

/** Encrypts a secret with AES-256-GCM under the instance encryption key. */
export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    VERSION,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    data.toString("base64url"),
  ].join(".");
}

/** Decrypts a value made by encryptSecret; throws if it was tampered with or the key changed. */
export function decryptSecret(sealed: string): string {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || data === undefined)
    throw new Error("Unrecognised encrypted value");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([
    decipher.update(Buffer.from(data, "base64url")),
    decipher.final(),
  ]).toString("utf8");
}

/** SHA-256 hex digest, for API keys and other values compared by hash. */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
