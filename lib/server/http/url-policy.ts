import { NodeError } from "@/lib/engine/errors";
import { blockedAddressReason, isIpLiteral } from "./ip-ranges";

const SCHEMES = new Set(["http:", "https:"]);

// Cloud metadata host names: refused even when a rule allows them.
const METADATA_HOSTS = new Set([
  "metadata",
  "metadata.google.internal",
  "metadata.goog",
  "instance-data",
  "instance-data.ec2.internal",
]);

// Encoded dots and slashes, or segments such as `..;`, that a server could still treat as `..`.
const AMBIGUOUS_PATH = /%2e|%2f|%5c|(^|\/)\.\./i;

/** The refusal every SSRF check throws: not retryable, with the reason in plain words. */
export function ssrfBlocked(url: string, reason: string): NodeError {
  return new NodeError(
    `Refused to call ${url}: ${reason} (SSRF protection). A workspace admin can allow-list the URL if this is intended.`,
    "ssrf_blocked",
    { retryable: false, details: { url, reason } },
  );
}

/** The host name without brackets or a trailing dot, lower-case. */
export function bareHost(url: URL): string {
  return url.hostname
    .replace(/^\[|\]$/g, "")
    .replace(/\.+$/, "")
    .toLowerCase();
}

/** Parses an outbound URL with the WHATWG parser; only http(s) without embedded credentials passes. */
export function parseTargetUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new NodeError(`Not a valid URL: ${raw.slice(0, 200)}`, "invalid_url", {
      retryable: false,
    });
  }
  if (!SCHEMES.has(url.protocol)) {
    throw ssrfBlocked(
      raw.slice(0, 200),
      `the ${url.protocol} scheme is not allowed, only http and https`,
    );
  }
  if (url.username || url.password) {
    throw ssrfBlocked(
      `${url.protocol}//${url.host}${url.pathname}`,
      "credentials in the URL are not allowed; send them in a header from a workspace secret",
    );
  }
  return url;
}

/**
 * Normalises an allow rule: an origin (`http://localhost:3000`) or a URL prefix
 * (`http://localhost:3000/api/demo/`). Throws an Error with a readable message when it is not one.
 */
export function normalizeAllowRule(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`Not a valid URL: ${raw}`);
  }
  if (!SCHEMES.has(url.protocol)) throw new Error("An allow rule must be an http or https URL.");
  if (url.username || url.password) throw new Error("An allow rule cannot contain credentials.");
  if (url.search || url.hash || raw.includes("?") || raw.includes("#")) {
    throw new Error("An allow rule is an origin or a path prefix, without a query or fragment.");
  }
  if (AMBIGUOUS_PATH.test(url.pathname))
    throw new Error("An allow rule cannot contain encoded dots or slashes.");
  return `${url.origin}${url.pathname}`;
}

function underPrefix(path: string, prefix: string): boolean {
  if (prefix.endsWith("/")) return path.startsWith(prefix);
  return path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * True when the URL lies within one of the rules: same origin and a path under the rule's path on
 * a segment boundary. Paths with encoded dots or slashes never match.
 */
export function matchesAllowRule(url: URL, rules: readonly string[]): boolean {
  if (AMBIGUOUS_PATH.test(url.pathname)) return false;
  return rules.some((rule) => {
    let ruleUrl: URL;
    try {
      ruleUrl = new URL(normalizeAllowRule(rule));
    } catch {
      return false;
    }
    return ruleUrl.origin === url.origin && underPrefix(url.pathname, ruleUrl.pathname);
  });
}

/** A URL without query or fragment, for messages (queries may carry tokens). */
export function describeUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/**
 * Checks the host of a URL before connecting: cloud metadata names and addresses are always
 * refused; IP literals and `localhost` names are refused unless the URL is allow-listed.
 * Host names are checked again on their resolved addresses at connect time.
 */
export function checkHost(url: URL, allowed: boolean): void {
  const host = bareHost(url);
  if (METADATA_HOSTS.has(host)) throw ssrfBlocked(describeUrl(url), "cloud metadata endpoint");
  if (isIpLiteral(host)) {
    const reason = blockedAddressReason(host);
    if (reason && (reason === "cloud metadata endpoint" || !allowed)) {
      throw ssrfBlocked(describeUrl(url), reason);
    }
    return;
  }
  if (!allowed && (host === "localhost" || host.endsWith(".localhost"))) {
    throw ssrfBlocked(describeUrl(url), "loopback address");
  }
}

/** Why a resolved address may not be reached for this URL (metadata always, the rest unless allowed). */
export function resolvedAddressRefusal(address: string, allowed: boolean): string | null {
  const reason = blockedAddressReason(address);
  if (!reason) return null;
  if (reason === "cloud metadata endpoint" || !allowed) return `the host resolves to a ${reason}`;
  return null;
}
