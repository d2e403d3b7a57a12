import { describe, expect, it } from "vitest";
import { detectPii, ibanValid, luhnValid, maskPii, PII_TYPES } from "./pii";

describe("pii detectors", () => {
  it("validates card numbers with Luhn and IBANs with mod-97", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
    expect(luhnValid("79927398713")).toBe(true);
    expect(ibanValid("GB82WEST12345698765432")).toBe(true);
    expect(ibanValid("DE89370400440532013000")).toBe(true);
    expect(ibanValid("DE89370400440532013001")).toBe(false);
    expect(ibanValid("GB82 WEST")).toBe(false);
  });

  it("finds each type with its position", () => {
    const text = "Mail jane.doe@example.co.uk, call +1 (555) 123-4567.";
    expect(detectPii(text, PII_TYPES)).toEqual([
      { type: "email", start: 5, end: 27, value: "jane.doe@example.co.uk" },
      { type: "phone", start: 34, end: 51, value: "+1 (555) 123-4567" },
    ]);
  });

  it("masks only the types asked for", () => {
    const text =
      "jane@example.com paid with 4111 1111 1111 1111 from DE89 3704 0044 0532 0130 00 AND more; call 555-987-6543.";
    expect(maskPii(text, PII_TYPES)).toBe(
      "[EMAIL] paid with [CARD] from [IBAN] AND more; call [PHONE].",
    );
    expect(maskPii(text, ["email"])).toBe(text.replace("jane@example.com", "[EMAIL]"));
  });

  it("does not take dates, decimals, IP addresses, short numbers or bad checksums for personal data", () => {
    const text =
      "On 2024-01-15 pi was 3.14159265 at 192.168.100.100, order 1234567, card 4111 1111 1111 1112, x@y";
    expect(detectPii(text, PII_TYPES)).toEqual([]);
  });

  it("separates an IBAN from the words and IBANs after it", () => {
    const found = detectPii("IBAN DE89 3704 0044 0532 0130 00 AND GB82WEST12345698765432.", [
      "iban",
    ]);
    expect(found.map((m) => m.value)).toEqual([
      "DE89 3704 0044 0532 0130 00",
      "GB82WEST12345698765432",
    ]);
  });

  it("stays fast on 1 MB adversarial inputs", () => {
    const started = performance.now();
    for (const text of [
      "a".repeat(1_000_000),
      "@".repeat(1_000_000),
      "1".repeat(1_000_000),
      `${"a".repeat(63)}@`.repeat(15_000),
    ]) {
      expect(detectPii(text, PII_TYPES)).toEqual([]);
    }
    expect(detectPii("a@b.co ".repeat(100_000), PII_TYPES)).toHaveLength(100_000);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
