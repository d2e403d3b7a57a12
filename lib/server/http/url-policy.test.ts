import { describe, expect, it } from "vitest";
import { NodeError } from "@/lib/engine/errors";
import { blockedAddressReason } from "./ip-ranges";
import { checkHost, matchesAllowRule, normalizeAllowRule, parseTargetUrl } from "./url-policy";

function refusal(run: () => void): NodeError | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof NodeError) return error;
    throw error;
  }
}

describe("blockedAddressReason", () => {
  it.each([
    ["127.0.0.1", "loopback address"],
    ["127.255.255.254", "loopback address"],
    ["::1", "loopback address"],
    ["10.0.0.1", "private network address"],
    ["172.16.0.1", "private network address"],
    ["172.31.255.255", "private network address"],
    ["192.168.1.1", "private network address"],
    ["fc00::1", "private network address"],
    ["fd12:3456::1", "private network address"],
    ["169.254.1.1", "link-local address"],
    ["fe80::1", "link-local address"],
    ["fe80::1%eth0", "link-local address"],
    ["169.254.169.254", "cloud metadata endpoint"],
    ["fd00:ec2::254", "cloud metadata endpoint"],
    ["0.0.0.0", "unspecified or 'this network' address"],
    ["0.1.2.3", "unspecified or 'this network' address"],
    ["::", "unspecified or 'this network' address"],
    ["100.64.0.1", "carrier-grade NAT address"],
    ["100.127.255.255", "carrier-grade NAT address"],
    ["224.0.0.1", "multicast address"],
    ["ff02::1", "multicast address"],
    ["255.255.255.255", "broadcast address"],
    ["::ffff:127.0.0.1", "loopback address"],
    ["::ffff:7f00:1", "loopback address"],
    ["::ffff:169.254.169.254", "cloud metadata endpoint"],
    ["::ffff:a9fe:a9fe", "cloud metadata endpoint"],
    ["[::ffff:a9fe:a9fe]", "cloud metadata endpoint"],
    ["::ffff:10.1.2.3", "private network address"],
    ["64:ff9b::127.0.0.1", "loopback address"],
    ["64:ff9b::a9fe:a9fe", "cloud metadata endpoint"],
    ["2002:c0a8:101::1", "private network address"],
    ["not-an-ip", "reserved or special-purpose address"],
  ])("refuses %s as a %s", (address, reason) => {
    expect(blockedAddressReason(address)).toBe(reason);
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])(
    "lets the public address %s through",
    (address) => {
      expect(blockedAddressReason(address)).toBeNull();
    },
  );
});

describe("URL checks before connecting", () => {
  const check = (raw: string) => refusal(() => checkHost(parseTargetUrl(raw), false));

  it.each([
    ["http://127.0.0.1", "loopback"],
    ["http://localhost", "loopback"],
    ["http://LOCALHOST./", "loopback"],
    ["http://api.localhost/", "loopback"],
    ["http://169.254.169.254", "metadata"],
    ["http://[::ffff:169.254.169.254]", "metadata"],
    ["http://[::ffff:a9fe:a9fe]", "metadata"],
    ["http://[64:ff9b::7f00:1]", "loopback"],
    ["http://0x7f000001", "loopback"],
    ["http://2130706433", "loopback"],
    ["http://017700000001", "loopback"],
    ["http://127.1", "loopback"],
    ["http://0", "this network"],
    ["http://[::1]", "loopback"],
    ["http://10.0.0.1", "private"],
    ["http://192.168.1.1", "private"],
    ["http://[fd00:ec2::254]", "metadata"],
    ["http://metadata.google.internal/computeMetadata/v1/", "metadata"],
    ["file:///etc/passwd", "file: scheme"],
    ["gopher://x", "gopher: scheme"],
    ["ftp://example.com/x", "ftp: scheme"],
    ["data:text/plain,hi", "data: scheme"],
    ["http://user:pass@example.com/", "credentials"],
  ])("refuses %s (%s)", (raw, reason) => {
    const error = check(raw);
    expect(error?.code).toBe("ssrf_blocked");
    expect(error?.retryable).toBe(false);
    expect(error?.message).toContain(reason);
  });

  it("lets a public host name and a public IP through (their addresses are checked at connect time)", () => {
    expect(check("https://api.example.com/v1/items?q=1")).toBeNull();
    expect(check("http://8.8.8.8/")).toBeNull();
  });

  it("lets allow-listed loopback and private URLs through, but never metadata", () => {
    expect(refusal(() => checkHost(new URL("http://127.0.0.1:3000/api"), true))).toBeNull();
    expect(refusal(() => checkHost(new URL("http://localhost:3000/"), true))).toBeNull();
    expect(refusal(() => checkHost(new URL("http://169.254.169.254/"), true))?.code).toBe(
      "ssrf_blocked",
    );
    expect(refusal(() => checkHost(new URL("http://metadata.google.internal/"), true))?.code).toBe(
      "ssrf_blocked",
    );
  });

  it("answers a URL that does not parse with invalid_url", () => {
    expect(refusal(() => parseTargetUrl("not a url"))?.code).toBe("invalid_url");
  });
});

describe("allow rules", () => {
  const origin = ["http://localhost:3000"];
  const prefix = ["http://localhost:3000/api/demo/"];
  const noSlash = ["http://localhost:3000/api/demo"];
  const matches = (raw: string, rules: string[]) => matchesAllowRule(new URL(raw), rules);

  it("normalises origins and prefixes and rejects anything else", () => {
    expect(normalizeAllowRule(" http://LOCALHOST:3000 ")).toBe("http://localhost:3000/");
    expect(normalizeAllowRule("https://example.com:443/a/../b/")).toBe("https://example.com/b/");
    expect(() => normalizeAllowRule("ftp://example.com/")).toThrow(/http or https/);
    expect(() => normalizeAllowRule("http://example.com/?a=1")).toThrow(/query/);
    expect(() => normalizeAllowRule("http://u:p@example.com/")).toThrow(/credentials/);
    expect(() => normalizeAllowRule("http://example.com/a%2fb")).toThrow(/encoded/);
    expect(() => normalizeAllowRule("nope")).toThrow(/valid URL/);
  });

  it("matches an exact origin on any path, and nothing on another port, scheme or host", () => {
    expect(matches("http://localhost:3000/anything?x=1", origin)).toBe(true);
    expect(matches("http://localhost:3001/", origin)).toBe(false);
    expect(matches("https://localhost:3000/", origin)).toBe(false);
    expect(matches("http://127.0.0.1:3000/", origin)).toBe(false);
    expect(matches("http://localhost:3000@127.0.0.1:3000/", origin)).toBe(false);
  });

  it("matches a prefix on a path-segment boundary only", () => {
    expect(matches("http://localhost:3000/api/demo/tickets?query=x", prefix)).toBe(true);
    expect(matches("http://localhost:3000/api/demo/tickets", noSlash)).toBe(true);
    expect(matches("http://localhost:3000/api/demo", noSlash)).toBe(true);
    expect(matches("http://localhost:3000/api/demox", noSlash)).toBe(false);
    expect(matches("http://localhost:3000/api/demox", prefix)).toBe(false);
    expect(matches("http://localhost:3000/api/demo", prefix)).toBe(false);
    expect(matches("http://localhost:3000/api/other", prefix)).toBe(false);
  });

  it("is not fooled by dot segments, encoded dots and slashes or backslashes", () => {
    for (const raw of [
      "http://localhost:3000/api/demo/../secret",
      "http://localhost:3000/api/demo/%2e%2e/secret",
      "http://localhost:3000/api/demo/%2E%2E/secret",
      "http://localhost:3000/api/demo/..%2fsecret",
      "http://localhost:3000/api/demo/%2e%2e%2fsecret",
      "http://localhost:3000/api/demo/..;/secret",
      "http://localhost:3000/api/demo\\..\\secret",
      "http://localhost:3000/api/demo/..%5csecret",
    ]) {
      expect([raw, matches(raw, prefix)]).toEqual([raw, false]);
    }
  });

  it("ignores stored rules that are not valid", () => {
    expect(matches("http://localhost:3000/", ["not a url", "file:///"])).toBe(false);
  });
});
