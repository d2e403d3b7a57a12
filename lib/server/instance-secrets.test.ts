import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadInstanceSecrets } from "./instance-secrets";

const FILE = "instance-secrets.json";
const saved = { auth: process.env.NEXTAUTH_SECRET, key: process.env.TRELLIS_ENCRYPTION_KEY };
let root: string;
let dir: string;

function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

beforeEach(() => {
  delete process.env.NEXTAUTH_SECRET;
  delete process.env.TRELLIS_ENCRYPTION_KEY;
  root = fs.mkdtempSync(path.join(os.tmpdir(), "trellis-secrets-test-"));
  dir = path.join(root, "nested", "data");
});

afterEach(() => {
  restore("NEXTAUTH_SECRET", saved.auth);
  restore("TRELLIS_ENCRYPTION_KEY", saved.key);
  fs.rmSync(root, { recursive: true, force: true });
});

describe("loadInstanceSecrets", () => {
  it("generates two distinct 256-bit secrets on first call and stores them with mode 0600", () => {
    const secrets = loadInstanceSecrets(dir);

    for (const value of [secrets.authSecret, secrets.encryptionKey]) {
      expect(Buffer.from(value, "base64url")).toHaveLength(32);
    }
    expect(secrets.authSecret).not.toBe(secrets.encryptionKey);
    const file = path.join(dir, FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual(secrets);
  });

  it("returns the same secrets on later calls without rewriting the file", () => {
    const first = loadInstanceSecrets(dir);
    const file = path.join(dir, FILE);
    const before = fs.readFileSync(file, "utf8");
    const mtime = fs.statSync(file).mtimeMs;

    expect(loadInstanceSecrets(dir)).toEqual(first);
    expect(loadInstanceSecrets(dir)).toEqual(first);
    expect(fs.readFileSync(file, "utf8")).toBe(before);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  });

  it("gives each data directory its own secrets", () => {
    const other = path.join(root, "other");
    expect(loadInstanceSecrets(other)).not.toEqual(loadInstanceSecrets(dir));
  });

  it("completes a file that holds only one of the secrets, keeping the stored one", () => {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, FILE), JSON.stringify({ authSecret: "kept-auth-secret" }));

    const secrets = loadInstanceSecrets(dir);

    expect(secrets.authSecret).toBe("kept-auth-secret");
    expect(secrets.encryptionKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(loadInstanceSecrets(dir)).toEqual(secrets);
  });

  it("lets NEXTAUTH_SECRET and TRELLIS_ENCRYPTION_KEY win without writing them to disk", () => {
    const generated = loadInstanceSecrets(dir);
    process.env.NEXTAUTH_SECRET = "env-auth-secret";
    process.env.TRELLIS_ENCRYPTION_KEY = "env-encryption-key";

    expect(loadInstanceSecrets(dir)).toEqual({
      authSecret: "env-auth-secret",
      encryptionKey: "env-encryption-key",
    });
    const stored = fs.readFileSync(path.join(dir, FILE), "utf8");
    expect(JSON.parse(stored)).toEqual(generated);
    expect(stored).not.toContain("env-auth-secret");
    expect(stored).not.toContain("env-encryption-key");
  });

  it("overrides one secret at a time", () => {
    const generated = loadInstanceSecrets(dir);
    process.env.TRELLIS_ENCRYPTION_KEY = "only-the-key";
    expect(loadInstanceSecrets(dir)).toEqual({
      authSecret: generated.authSecret,
      encryptionKey: "only-the-key",
    });
  });

  it.each([
    ["truncated JSON", '{"authSecret": "abc'],
    ["an empty file", ""],
    ["JSON null", "null"],
    ["a JSON array", '["a", "b"]'],
    ["a non-string secret", '{"authSecret": 42, "encryptionKey": "x"}'],
  ])(
    "refuses a corrupt file (%s) with an error naming the file, and leaves it untouched",
    (_label, contents) => {
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, FILE);
      fs.writeFileSync(file, contents);

      expect(() => loadInstanceSecrets(dir)).toThrow(`Cannot read ${file}`);
      expect(fs.readFileSync(file, "utf8")).toBe(contents);
    },
  );
});
