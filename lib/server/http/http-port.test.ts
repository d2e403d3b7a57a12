import { describe, expect, it } from "vitest";
import { call, failure, get, portWith, startTestServer } from "./test-helpers";

const server = startTestServer();

describe("createHttpPort against a local server", () => {
  it("refuses the loopback server without an allow rule and never connects", async () => {
    const error = await failure(portWith([]).request(get(`${server.base}/api/demo/echo`), call()));
    expect(error.code).toBe("ssrf_blocked");
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("loopback address");
    expect(server.hits).toEqual([]);
  });

  it.each([
    "http://127.0.0.1",
    "http://localhost",
    "http://169.254.169.254",
    "http://[::ffff:169.254.169.254]",
    "http://[::ffff:a9fe:a9fe]",
    "http://0x7f000001",
    "http://2130706433",
    "http://017700000001",
    "http://127.1",
    "http://[::1]",
    "http://10.0.0.1",
    "http://192.168.1.1",
    "http://[fd00:ec2::254]",
    "file:///etc/passwd",
    "gopher://x",
  ])("refuses %s", async (url) => {
    const error = await failure(portWith([]).request(get(url), call()));
    expect(error.code).toBe("ssrf_blocked");
  });

  it("reaches the server through an exact-origin rule and sends the Idempotency-Key", async () => {
    const response = await portWith([server.base]).request(
      get(`${server.base}/api/demo/echo?q=1`, { Host: "evil.example", "X-Trace": "t1" }),
      call(),
    );
    expect(response.status).toBe(200);
    expect(response.headers["set-cookie"]).toBe("a=1, b=2");
    const echoed = JSON.parse(response.body);
    expect(echoed.headers["idempotency-key"]).toBe("run_1:http:2");
    expect(echoed.headers["x-trace"]).toBe("t1");
    expect(echoed.headers.host).toBe(`127.0.0.1:${server.port}`);
    expect(server.hits).toEqual(["/api/demo/echo?q=1"]);
  });

  it("reaches paths under a prefix rule and refuses everything outside it", async () => {
    const http = portWith([`${server.base}/api/demo/`]);
    expect((await http.request(get(`${server.base}/api/demo/echo`), call())).status).toBe(200);
    for (const outside of [
      `${server.base}/secret`,
      `${server.base}/api/demo/../secret`,
      `${server.base}/api/demo/%2e%2e/secret`,
      `${server.base}/api/demo/..%2fsecret`,
      `${server.base}/api/demox`,
    ]) {
      const error = await failure(http.request(get(outside), call()));
      expect([outside, error.code]).toEqual([outside, "ssrf_blocked"]);
    }
    expect(server.hits).toEqual(["/api/demo/echo"]);
  });

  it("follows a redirect inside the allowed prefix, turning POST into GET on 303", async () => {
    const response = await portWith([`${server.base}/api/demo/`]).request(
      { method: "POST", url: `${server.base}/api/demo/to-echo`, headers: {}, body: "payload" },
      call(),
    );
    expect(JSON.parse(response.body)).toMatchObject({ method: "GET", body: "" });
    expect(server.hits).toEqual(["/api/demo/to-echo", "/api/demo/echo"]);
  });

  it("keeps the method and body on a 307 redirect", async () => {
    const response = await portWith([`${server.base}/api/demo/`]).request(
      { method: "POST", url: `${server.base}/api/demo/to-echo-307`, headers: {}, body: "payload" },
      call(),
    );
    expect(JSON.parse(response.body)).toMatchObject({ method: "POST", body: "payload" });
  });

  it("refuses a redirect from an allowed URL into a loopback path outside the rule", async () => {
    const error = await failure(
      portWith([`${server.base}/api/demo/`]).request(
        get(`${server.base}/api/demo/to-secret`),
        call(),
      ),
    );
    expect(error.code).toBe("ssrf_blocked");
    expect(server.hits).toEqual(["/api/demo/to-secret"]);
  });

  it("refuses a redirect into the metadata address even with the whole origin allowed", async () => {
    const error = await failure(
      portWith([server.base]).request(get(`${server.base}/api/demo/to-metadata`), call()),
    );
    expect(error.code).toBe("ssrf_blocked");
    expect(error.message).toContain("cloud metadata endpoint");
  });

  it("drops credentials on a redirect to another origin", async () => {
    const response = await portWith([server.base, server.rebindBase]).request(
      get(`${server.base}/api/demo/to-other-origin`, {
        Authorization: "Bearer s3cr3t",
        "X-Api-Key": "k3y",
        Accept: "application/json",
      }),
      call(),
    );
    const echoed = JSON.parse(response.body);
    expect(echoed.headers.authorization).toBeUndefined();
    expect(echoed.headers["x-api-key"]).toBeUndefined();
    expect(echoed.headers.accept).toBe("application/json");
    expect(echoed.headers["idempotency-key"]).toBe("run_1:http:2");
  });

  it("stops after five redirects", async () => {
    const error = await failure(
      portWith([server.base]).request(get(`${server.base}/api/demo/loop`), call()),
    );
    expect(error.code).toBe("http_too_many_redirects");
    expect(server.hits).toHaveLength(6);
  });

  it("returns a 3xx without Location as it is", async () => {
    const response = await portWith([server.base]).request(
      get(`${server.base}/api/demo/no-location`),
      call(),
    );
    expect([response.status, response.body]).toEqual([302, "no location"]);
  });
});
