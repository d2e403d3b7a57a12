import { describe, expect, it } from "vitest";
import { call, failure, get, mapResolver, portWith, startTestServer } from "./test-helpers";

const server = startTestServer();

describe("connect-time address checks", () => {
  it("refuses a host name that resolves to a loopback address, without naming the address", async () => {
    const error = await failure(
      portWith([]).request(get(`${server.rebindBase}/api/demo/echo`), call()),
    );
    expect(error.code).toBe("ssrf_blocked");
    expect(error.message).toContain("resolves to a loopback address");
    expect(error.message).not.toContain("127.0.0.1");
    expect(server.hits).toEqual([]);
  });

  it("connects to the address the resolver returned when the host name is allowed", async () => {
    const response = await portWith([server.rebindBase]).request(
      get(`${server.rebindBase}/api/demo/echo`),
      call(),
    );
    expect(JSON.parse(response.body).headers.host).toBe(`rebind.test:${server.port}`);
  });

  it("refuses a host with any private address among its answers", async () => {
    const mixed = mapResolver({ "mixed.test": ["93.184.215.14", "10.1.2.3"] });
    const error = await failure(
      portWith([], { lookup: mixed }).request(get("http://mixed.test/"), call()),
    );
    expect(error.code).toBe("ssrf_blocked");
    expect(error.message).toContain("private network address");
  });

  it("refuses a host resolving to an IPv4-mapped metadata address even when allowed", async () => {
    const mapped = mapResolver({ "meta.test": ["::ffff:169.254.169.254"] });
    const error = await failure(
      portWith(["http://meta.test"], { lookup: mapped }).request(get("http://meta.test/"), call()),
    );
    expect(error.message).toContain("cloud metadata endpoint");
  });

  it("reports an unknown host as a DNS error that is not retried", async () => {
    const error = await failure(portWith([]).request(get("http://unknown.test/"), call()));
    expect([error.code, error.retryable]).toEqual(["http_dns_error", false]);
  });
});

describe("limits", () => {
  it("cuts a streamed response over the size limit with an error", async () => {
    const http = portWith([server.base], { maxResponseBytes: 1024 * 1024 });
    const error = await failure(http.request(get(`${server.base}/api/demo/big-chunked`), call()));
    expect(error.code).toBe("http_response_too_large");
    expect(error.retryable).toBe(false);
  });

  it("refuses a response whose declared length is over the limit", async () => {
    const http = portWith([server.base], { maxResponseBytes: 1024 * 1024 });
    const error = await failure(http.request(get(`${server.base}/api/demo/big-declared`), call()));
    expect(error.code).toBe("http_response_too_large");
  });

  it("aborts a hanging request when the call's signal fires", async () => {
    const controller = new AbortController();
    const reason = new Error("node timed out");
    setTimeout(() => controller.abort(reason), 100);
    const started = Date.now();
    const error = await portWith([server.base])
      .request(get(`${server.base}/api/demo/hang`), call(controller.signal))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBe(reason);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("times out on its own deadline when the caller sets none", async () => {
    const http = portWith([server.base], { timeoutMs: 150 });
    const error = await failure(http.request(get(`${server.base}/api/demo/hang`), call()));
    expect(error.code).toBe("timeout");
  });
});
