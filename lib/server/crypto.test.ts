import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

type CryptoModule = typeof import("./crypto");

const saved = { dataDir: process.env.TRELLIS_DATA_DIR, key: process.env.TRELLIS_ENCRYPTION_KEY };
let dataDir: string;

/** Imports a fresh copy of the crypto module (and its cached config) under the current env. */
async function freshCrypto(): Promise<CryptoModule> {
  vi.resetModules();
  return import("./crypto");
}

function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** Flips one byte of a base64url segment, so the change always reaches the decoded bytes. */
function flipByte(segment: string, index = 0): string {
  const bytes = Buffer.from(segment, "base64url");
  bytes[index % bytes.length]! ^= 0x01;
  return bytes.toString("base64url");
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "trellis-crypto-test-"));
  process.env.TRELLIS_DATA_DIR = dataDir;
});

beforeEach(() => {
  delete process.env.TRELLIS_ENCRYPTION_KEY;
});

afterAll(() => {
  restore("TRELLIS_DATA_DIR", saved.dataDir);
  restore("TRELLIS_ENCRYPTION_KEY", saved.key);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("encryptSecret / decryptSecret", () => {
  it("round-trips ASCII, unicode and empty values", async () => {
    const { encryptSecret, decryptSecret } = await freshCrypto();
    for (const plain of ["sk-test-1234567890", "pässwörd ✓ 秘密", ""]) {
      expect(decryptSecret(encryptSecret(plain))).toBe(plain);
    }
  });

  it("generates the instance key in TRELLIS_DATA_DIR on first use", async () => {
    const { encryptSecret } = await freshCrypto();
    encryptSecret("x");
    expect(fs.existsSync(path.join(dataDir, "instance-secrets.json"))).toBe(true);
  });

  it("produces a different ciphertext each time that does not reveal the plaintext", async () => {
    const { encryptSecret } = await freshCrypto();
    const plain = "sk-live-very-secret-value";
    const sealed = Array.from({ length: 5 }, () => encryptSecret(plain));

    expect(new Set(sealed).size).toBe(5);
    for (const value of sealed) {
      expect(value.startsWith("v1.")).toBe(true);
      expect(value).not.toContain(plain);
      expect(value).not.toContain(Buffer.from(plain).toString("base64url"));
      expect(value).not.toContain(Buffer.from(plain).toString("base64"));
    }
  });

  it("rejects a tampered iv, tag or ciphertext, and values it did not make", async () => {
    const { encryptSecret, decryptSecret } = await freshCrypto();
    const [version, iv, tag, data] = encryptSecret("attack at dawn").split(".") as [
      string,
      string,
      string,
      string,
    ];

    expect(() => decryptSecret([version, flipByte(iv), tag, data].join("."))).toThrow();
    expect(() => decryptSecret([version, iv, flipByte(tag, 7), data].join("."))).toThrow();
    expect(() => decryptSecret([version, iv, tag, flipByte(data, 3)].join("."))).toThrow();
    expect(() => decryptSecret([version, iv, tag, data + "AA"].join("."))).toThrow();
    expect(() => decryptSecret(["v2", iv, tag, data].join("."))).toThrow(
      "Unrecognised encrypted value",
    );
    expect(() => decryptSecret("attack at dawn")).toThrow("Unrecognised encrypted value");
    // The untouched value still decrypts, so the failures above come from the tampering.
    expect(decryptSecret([version, iv, tag, data].join("."))).toBe("attack at dawn");
  });

  it("cannot decrypt under a different TRELLIS_ENCRYPTION_KEY, and can again under the original", async () => {
    process.env.TRELLIS_ENCRYPTION_KEY = "first-key-for-this-test";
    const sealed = (await freshCrypto()).encryptSecret("provider key");

    process.env.TRELLIS_ENCRYPTION_KEY = "a-completely-different-key";
    const other = await freshCrypto();
    expect(() => other.decryptSecret(sealed)).toThrow();

    process.env.TRELLIS_ENCRYPTION_KEY = "first-key-for-this-test";
    expect((await freshCrypto()).decryptSecret(sealed)).toBe("provider key");
  });

  it("cannot decrypt with the generated key once an explicit key overrides it", async () => {
    const sealed = (await freshCrypto()).encryptSecret("generated-key secret");
    process.env.TRELLIS_ENCRYPTION_KEY = "override";
    const overridden = await freshCrypto();
    expect(() => overridden.decryptSecret(sealed)).toThrow();
  });
});

describe("sha256", () => {
  it("returns the hex digest", async () => {
    const { sha256 } = await freshCrypto();
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
