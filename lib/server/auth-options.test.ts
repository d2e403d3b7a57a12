import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const OIDC_ENV = {
  OIDC_ISSUER: "https://id.example.com/",
  OIDC_CLIENT_ID: "trellis",
  OIDC_CLIENT_SECRET: "s3cret",
};

async function freshAuthOptions() {
  vi.resetModules();
  return import("./auth-options");
}

describe("authOptions", () => {
  let dataDir = "";
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "trellis-auth-"));
    process.env.TRELLIS_DATA_DIR = dataDir;
  });
  afterEach(() => {
    for (const key of Object.keys(OIDC_ENV)) delete process.env[key];
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("has no OIDC provider unless issuer, client id and secret are all set", async () => {
    process.env.OIDC_ISSUER = OIDC_ENV.OIDC_ISSUER;
    const { authOptions, isOidcEnabled } = await freshAuthOptions();
    expect(isOidcEnabled()).toBe(false);
    expect(authOptions().providers).toEqual([]);
  });

  it("adds an OIDC provider from the issuer's discovery document when configured", async () => {
    Object.assign(process.env, OIDC_ENV);
    const { authOptions, isOidcEnabled } = await freshAuthOptions();
    expect(isOidcEnabled()).toBe(true);
    const [provider] = authOptions().providers as unknown as Record<string, unknown>[];
    expect(provider).toMatchObject({
      id: "oidc",
      type: "oauth",
      wellKnown: "https://id.example.com/.well-known/openid-configuration",
      clientId: "trellis",
      checks: ["pkce", "state"],
    });
  });

  it("uses the generated instance secret and JWT sessions", async () => {
    const { authOptions } = await freshAuthOptions();
    const options = authOptions();
    expect(options.session?.strategy).toBe("jwt");
    expect(options.secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
  });
});
