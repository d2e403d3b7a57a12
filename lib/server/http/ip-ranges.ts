import { isIP } from "node:net";

/** Why an address may not be reached from the HTTP tool. */
export type BlockedReason =
  | "cloud metadata endpoint"
  | "loopback address"
  | "private network address"
  | "link-local address"
  | "unspecified or 'this network' address"
  | "carrier-grade NAT address"
  | "multicast address"
  | "broadcast address"
  | "reserved or special-purpose address";

interface Cidr {
  base: bigint;
  prefix: number;
}

interface Range extends Cidr {
  reason: BlockedReason;
}

const V4_BITS = 32;
const V6_BITS = 128;

/** Parses a dotted-quad IPv4 address into a number; null when it is not one. */
function parseV4(text: string): bigint | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

/** Parses an IPv6 address (with `::`, an embedded dotted IPv4 tail, an optional zone) into 128 bits. */
function parseV6(text: string): bigint | null {
  let rest = text.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const lastColon = rest.lastIndexOf(":");
  if (rest.slice(lastColon + 1).includes(".")) {
    const v4 = parseV4(rest.slice(lastColon + 1));
    if (v4 === null) return null;
    rest = `${rest.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [first = "", second, ...more] = rest.split("::");
  if (more.length > 0) return null;
  const toGroups = (s: string) => (s === "" ? [] : s.split(":"));
  const head = toGroups(first);
  const back = second === undefined ? [] : toGroups(second);
  const count = head.length + back.length;
  if (second === undefined ? count !== 8 : count > 7) return null;
  const zeros = Array<string>(8 - count).fill("0");
  let value = 0n;
  for (const group of [...head, ...zeros, ...back]) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return null;
    value = (value << 16n) | BigInt(`0x${group}`);
  }
  return value;
}

function cidr(text: string, bits: number): Cidr {
  const [address = "", prefix] = text.split("/");
  const base = bits === V4_BITS ? parseV4(address) : parseV6(address);
  if (base === null) throw new Error(`Bad range ${text}`);
  return { base, prefix: Number(prefix) };
}

const v4 = (text: string, reason: BlockedReason) => ({ ...cidr(text, V4_BITS), reason });
const v6 = (text: string, reason: BlockedReason) => ({ ...cidr(text, V6_BITS), reason });

// Order matters: the first match names the reason (metadata before link-local and private).
const V4_RANGES: Range[] = [
  v4("169.254.169.254/32", "cloud metadata endpoint"),
  v4("169.254.170.2/32", "cloud metadata endpoint"),
  v4("100.100.100.200/32", "cloud metadata endpoint"),
  v4("0.0.0.0/8", "unspecified or 'this network' address"),
  v4("127.0.0.0/8", "loopback address"),
  v4("10.0.0.0/8", "private network address"),
  v4("172.16.0.0/12", "private network address"),
  v4("192.168.0.0/16", "private network address"),
  v4("169.254.0.0/16", "link-local address"),
  v4("100.64.0.0/10", "carrier-grade NAT address"),
  v4("224.0.0.0/4", "multicast address"),
  v4("255.255.255.255/32", "broadcast address"),
  v4("192.0.0.0/24", "reserved or special-purpose address"),
  v4("192.0.2.0/24", "reserved or special-purpose address"),
  v4("198.18.0.0/15", "reserved or special-purpose address"),
  v4("198.51.100.0/24", "reserved or special-purpose address"),
  v4("203.0.113.0/24", "reserved or special-purpose address"),
  v4("240.0.0.0/4", "reserved or special-purpose address"),
];

const V6_RANGES: Range[] = [
  v6("fd00:ec2::254/128", "cloud metadata endpoint"),
  v6("::/128", "unspecified or 'this network' address"),
  v6("::1/128", "loopback address"),
  v6("fc00::/7", "private network address"),
  v6("fe80::/10", "link-local address"),
  v6("fec0::/10", "private network address"),
  v6("ff00::/8", "multicast address"),
  v6("64:ff9b:1::/48", "reserved or special-purpose address"),
  v6("2001::/32", "reserved or special-purpose address"),
  v6("2001:db8::/32", "reserved or special-purpose address"),
  v6("100::/64", "reserved or special-purpose address"),
];

// IPv6 ranges that carry an IPv4 address: the embedded address decides (IPv4-mapped, NAT64, 6to4).
const EMBEDDING: { range: Cidr; shift: bigint }[] = [
  { range: cidr("::ffff:0:0/96", V6_BITS), shift: 0n },
  { range: cidr("::/96", V6_BITS), shift: 0n },
  { range: cidr("64:ff9b::/96", V6_BITS), shift: 0n },
  { range: cidr("2002::/16", V6_BITS), shift: 80n },
];

function inRange(value: bigint, r: Cidr, bits: number): boolean {
  const shift = BigInt(bits - r.prefix);
  return value >> shift === r.base >> shift;
}

function classifyV4(value: bigint): BlockedReason | null {
  return V4_RANGES.find((r) => inRange(value, r, V4_BITS))?.reason ?? null;
}

function classifyV6(value: bigint): BlockedReason | null {
  // :: and ::1 sit inside ::/96 but are IPv6's own unspecified and loopback addresses.
  const embedding =
    value > 1n ? EMBEDDING.find((e) => inRange(value, e.range, V6_BITS)) : undefined;
  if (embedding) return classifyV4((value >> embedding.shift) & 0xffffffffn);
  return V6_RANGES.find((r) => inRange(value, r, V6_BITS))?.reason ?? null;
}

/**
 * Why an IP address (IPv4, or IPv6 with or without brackets) must not be reached, or null when it
 * is a public address. Anything that is not a valid IP address is refused as reserved.
 */
export function blockedAddressReason(address: string): BlockedReason | null {
  const bare = address.replace(/^\[|\]$/g, "");
  const family = isIP(bare.replace(/%.*$/, ""));
  const value = family === 4 ? parseV4(bare) : family === 6 ? parseV6(bare) : null;
  if (value === null) return "reserved or special-purpose address";
  return family === 4 ? classifyV4(value) : classifyV6(value);
}

/** True when the text is an IP literal (a URL hostname in brackets counts). */
export function isIpLiteral(host: string): boolean {
  return isIP(host.replace(/^\[|\]$/g, "").replace(/%.*$/, "")) !== 0;
}
