import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "./webhook-signature";

const secret = "whsec_test";
const body = JSON.stringify({ id: "d1", type: "run.settled" });

describe("webhook signatures", () => {
  it("verifies what it signs within the tolerance", () => {
    const now = 1_800_000_000_000;
    const header = signWebhook(secret, body, now / 1000);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, header, body, now)).toBe(true);
    expect(verifyWebhookSignature(secret, header, body, now + 299_000)).toBe(true);
  });

  it("refuses another secret, a changed body, an old timestamp and garbage", () => {
    const now = 1_800_000_000_000;
    const header = signWebhook(secret, body, now / 1000);
    expect(verifyWebhookSignature("whsec_other", header, body, now)).toBe(false);
    expect(verifyWebhookSignature(secret, header, `${body} `, now)).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, now + 301_000)).toBe(false);
    expect(verifyWebhookSignature(secret, "t=1,v1=zz", body, now)).toBe(false);
    expect(verifyWebhookSignature(secret, "", body, now)).toBe(false);
  });

  it("matches an HMAC computed independently", async () => {
    const { createHmac } = await import("node:crypto");
    const mac = createHmac("sha256", secret).update(`42.${body}`).digest("hex");
    expect(signWebhook(secret, body, 42)).toBe(`t=42,v1=${mac}`);
  });
});
