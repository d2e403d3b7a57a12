import dns from "node:dns";
import type { LookupFunction } from "node:net";
import { NodeError } from "@/lib/engine/errors";
import { describeUrl, resolvedAddressRefusal, ssrfBlocked } from "./url-policy";

/** One resolved address of a host name. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to all its addresses (tests inject one that maps names to chosen IPs). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** The system resolver (getaddrinfo, like every other Node client). */
export const systemResolver: Resolver = async (hostname) => {
  const found = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

function wantedFamily(family: unknown): 0 | 4 | 6 {
  if (family === 4 || family === "IPv4") return 4;
  if (family === 6 || family === "IPv6") return 6;
  return 0;
}

function lookupFailure(hostname: string, error: unknown): NodeError {
  const code = (error as { code?: string }).code;
  const permanent = code === "ENOTFOUND" || code === "ENODATA";
  return new NodeError(
    `Could not resolve host ${hostname}${code ? ` (${code})` : ""}`,
    "http_dns_error",
    {
      retryable: !permanent,
    },
  );
}

/**
 * A `lookup` for node:http(s) that checks every resolved address at connect time, so the address
 * checked is the address connected to (DNS rebinding cannot slip between check and connect).
 * A host with any refused address is refused as a whole. `onRefused` receives the refusal, since
 * Node may wrap errors raised here.
 */
export function guardedLookup(
  resolver: Resolver,
  url: URL,
  allowed: boolean,
  onRefused: (error: NodeError) => void,
): LookupFunction {
  return (hostname, options, callback) => {
    const family = wantedFamily(options.family);
    resolver(hostname).then(
      (addresses) => {
        for (const { address } of addresses) {
          const refusal = resolvedAddressRefusal(address, allowed);
          if (refusal) {
            const error = ssrfBlocked(describeUrl(url), refusal);
            onRefused(error);
            return callback(error, "", 0);
          }
        }
        const usable = addresses.filter((a) => family === 0 || a.family === family);
        const [first] = usable;
        if (!first) return callback(lookupFailure(hostname, { code: "ENOTFOUND" }), "", 0);
        if (options.all) return callback(null, usable);
        callback(null, first.address, first.family);
      },
      (error: unknown) => callback(lookupFailure(hostname, error), "", 0),
    );
  };
}
