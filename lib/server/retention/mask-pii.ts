import { maskPii, PII_TYPES } from "@/lib/nodes/shared/pii";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of a JSON value with detected PII (emails, phone, card and IBAN numbers) in every string
 * replaced by tags such as [EMAIL], using the Validator node's detector. Keys are kept as they
 * are; values that are not JSON (dates, class instances) are returned unchanged.
 */
export function maskPiiDeep<T>(value: T): T {
  if (typeof value === "string") return maskPii(value, PII_TYPES) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => maskPiiDeep(item)) as T;
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, maskPiiDeep(item)]),
    ) as T;
  }
  return value;
}
