import { describe, expect, it } from "vitest";
import type { NodePolicy } from "@/lib/engine/graph";
import { httpToolNode, retryAfterMs } from "./http-tool.node";
import { fakeHttp, fakePorts, fakeSecrets, type ScriptedHttp } from "./testing/model-fakes";
import { runSingle } from "./testing/run-single";

const SECRET = "sk-live-very-secret-42";

async function call(
  config: Record<string, unknown>,
  input: unknown,
  script: ScriptedHttp[],
  policy?: NodePolicy,
  secrets: Record<string, string> = { CRM_TOKEN: SECRET },
) {
  const http = fakeHttp(script);
  const vault = fakeSecrets(secrets);
  const single = await runSingle(httpToolNode, {
    config,
    input,
    policy,
    ports: fakePorts({ http: http.port, secrets: vault.port }),
  });
  return { ...single, calls: http.calls, asked: vault.asked };
}

const lookup = {
  url: "https://crm.example.com/customers/{{ customerId }}?q={{ input.query | url_encode }}",
  headers: { Accept: "application/json", "X-Ticket": "{{ ticket.id }}" },
  auth: { kind: "bearer", secret: "CRM_TOKEN" },
};

describe("http-tool node", () => {
  it("renders URL and headers from the input, authenticates from a secret and parses JSON", async () => {
    const input = { customerId: 7, query: "a b&c", ticket: { id: "T-1" } };
    const { outputs, calls, asked } = await call(lookup, input, [
      { status: 200, body: '{"plan":"pro"}' },
    ]);
    expect(outputs).toEqual({ out: { status: 200, body: { plan: "pro" } } });
    expect(asked).toEqual(["CRM_TOKEN"]);
    expect(calls[0]!.request).toEqual({
      method: "GET",
      url: "https://crm.example.com/customers/7?q=a+b%26c",
      headers: { Accept: "application/json", "X-Ticket": "T-1", Authorization: `Bearer ${SECRET}` },
    });
    expect(calls[0]!.options.idempotencyKey).toBe("run:n:1");
  });

  it("sends a templated body with a content type, and a secret in a named header", async () => {
    const config = {
      method: "POST",
      url: "https://api.example.com/notes",
      headers: { "x-api-key": "overridden" },
      body: '{"text": {{ note | json }}}',
      auth: { kind: "header", secret: "CRM_TOKEN", header: "X-API-Key" },
      responseType: "text",
    };
    const { outputs, calls } = await call(config, { note: 'say "hi"' }, [
      { status: 201, body: "created" },
    ]);
    expect(outputs).toEqual({ out: { status: 201, body: "created" } });
    expect(calls[0]!.request).toEqual({
      method: "POST",
      url: "https://api.example.com/notes",
      headers: { "X-API-Key": SECRET, "Content-Type": "application/json" },
      body: '{"text": "say \\"hi\\""}',
    });
  });

  it("fails without calling out when its secret is missing", async () => {
    const { result, calls, events } = await call(
      lookup,
      { customerId: 1 },
      [{ status: 200 }],
      { retries: 3 },
      {},
    );
    expect(result.error).toMatchObject({
      code: "missing_secret",
      nodeId: "n",
      message: expect.stringContaining("CRM_TOKEN"),
    });
    expect(calls).toHaveLength(0);
    expect(events.some((e) => e.type === "node.retrying")).toBe(false);
  });

  it("cannot read prototypes from a header template", async () => {
    const config = {
      url: "https://api.example.com/",
      headers: {
        "X-Probe":
          "[{{ constructor }}{{ input.constructor.name }}{{ name.__proto__ }}{{ input['constructor'] }}]",
      },
    };
    const { calls } = await call(config, { name: "x" }, [{ status: 200, body: "{}" }]);
    expect(calls[0]!.request.headers).toEqual({ "X-Probe": "[]" });
  });

  it("refuses header values with line breaks and URLs that are not http(s)", async () => {
    const injected = await call(
      { url: "https://a.example/", headers: { "X-A": "{{ v }}" } },
      { v: "x\r\nX-Evil: 1" },
      [],
    );
    expect(injected.result.error?.code).toBe("invalid_header");
    for (const url of ["file:///etc/passwd", "javascript:alert(1)", "{{ target }}", "not a url"]) {
      const bad = await call({ url }, { target: "gopher://x" }, []);
      expect(bad.result.error?.code).toBe("invalid_url");
      expect(bad.calls).toHaveLength(0);
    }
  });

  it("retries 5xx and 429 (honouring Retry-After) but not other 4xx", async () => {
    const flaky = await call(
      lookup,
      {},
      [
        { status: 503 },
        { status: 429, headers: { "Retry-After": "7" } },
        { status: 200, body: "[1]" },
      ],
      { retries: 2 },
    );
    expect(flaky.outputs).toEqual({ out: { status: 200, body: [1] } });
    const delays = flaky.events.flatMap((e) => (e.type === "node.retrying" ? [e.delayMs] : []));
    expect(delays).toHaveLength(2);
    expect(delays[1]).toBeGreaterThanOrEqual(7_000);

    const missing = await call(lookup, {}, [{ status: 404, body: "nope" }, { status: 200 }], {
      retries: 2,
    });
    expect(missing.result.error).toMatchObject({
      code: "http_error",
      details: { status: 404, body: "nope" },
    });
    expect(missing.calls).toHaveLength(1);
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(retryAfterMs({ status: 429, headers: { "retry-after": "3" }, body: "" }, now)).toBe(
      3_000,
    );
    expect(
      retryAfterMs(
        { status: 429, headers: { "Retry-After": "Wed, 01 Jan 2025 00:00:05 GMT" }, body: "" },
        now,
      ),
    ).toBe(5_000);
    expect(retryAfterMs({ status: 429, headers: {}, body: "" }, now)).toBeUndefined();
    expect(
      retryAfterMs({ status: 429, headers: { "retry-after": "soon" }, body: "" }, now),
    ).toBeUndefined();
  });

  it("fails a response that is not the JSON it expects", async () => {
    const { result } = await call(lookup, {}, [{ status: 200, body: "<html>" }]);
    expect(result.error?.code).toBe("invalid_response");
  });

  it("keeps the secret out of outputs, traces, errors and events even when the server echoes it", async () => {
    const echo = JSON.stringify({ headers: { authorization: `Bearer ${SECRET}` } });
    const ok = await call(lookup, {}, [{ status: 200, body: echo }]);
    expect(ok.outputs).toEqual({
      out: { status: 200, body: { headers: { authorization: "Bearer [redacted]" } } },
    });
    const failed = await call(lookup, {}, [{ status: 500, body: echo }]);
    expect(failed.result.status).toBe("failed");
    for (const run of [ok, failed]) {
      expect(JSON.stringify([run.events, run.result])).not.toContain(SECRET);
    }
  });

  it("rejects inline credentials, a GET body and a header auth without a header name", async () => {
    const codes = async (config: Record<string, unknown>) =>
      (await call(config, {}, [])).result.error?.message;
    expect(
      await codes({ url: "https://a.example/", headers: { authorization: "Bearer abc" } }),
    ).toMatch(/auth and a secret/);
    expect(await codes({ url: "https://a.example/", body: "x" })).toMatch(
      /GET request has no body/,
    );
    expect(
      await codes({ url: "https://a.example/", auth: { kind: "header", secret: "CRM_TOKEN" } }),
    ).toMatch(/Name the header/);
    expect(
      await codes({
        url: "https://a.example/",
        auth: { kind: "bearer", secret: "sk-inline-value!" },
      }),
    ).toMatch(/Letters, digits/);
  });
});
