import { createHmac, timingSafeEqual } from "node:crypto";

/** How old a signed timestamp may be before a receiver should refuse it (replay window). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * The `Trellis-Signature` header value for a body: `t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>">`, keyed with the API key's webhook secret.
 */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  const mac = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

/**
 * What a receiver does: true when the header carries a v1 signature of the raw body made with
 * `secret` (constant-time compare) at a timestamp within the tolerance of `now`.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  body: string,
  now = Date.now(),
  toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS,
): boolean {
  const parts = new Map(
    header.split(",").map((part) => {
      const at = part.indexOf("=");
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const timestamp = Number(parts.get("t"));
  const given = parts.get("v1") ?? "";
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = signWebhook(secret, body, timestamp).split("v1=")[1]!;
  return timingSafeEqual(Buffer.from(expected, "hex"), Buffer.from(given, "hex"));
}
