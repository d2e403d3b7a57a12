import { expect, test } from "@playwright/test";
import { ADMIN, signedInApi } from "./support";

test.describe("API errors and limits", () => {
  test("unknown and look-alike API paths answer JSON: 401 without a session", async ({
    request,
  }) => {
    for (const path of ["/api/nope", "/API/members", "/Api/Members", "/api/members"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(401);
      expect((await response.json()).error.code).toBe("unauthorized");
    }
  });

  test("double slashes and trailing slashes never reach a handler without auth", async ({
    request,
  }) => {
    for (const path of ["/api//members", "/api/members/"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(401);
    }
  });

  test("health answers without a session", async ({ request }) => {
    const body = await (await request.get("/api/health")).json();
    expect(body).toMatchObject({ status: "ok", database: "pglite" });
    expect(typeof body.version).toBe("string");
  });

  test("spoofed internal headers and a tampered cookie get 401", async ({
    playwright,
    baseURL,
  }) => {
    const context = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: {
        "x-request-from": "internal",
        "X-Forwarded-For": "127.0.0.1",
        cookie: "next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.forged.token",
      },
    });
    expect((await context.get("/api/me")).status()).toBe(401);
    await context.dispose();
  });

  test("with a session, unknown API paths are 404 JSON", async ({ request }) => {
    await signedInApi(request);
    const response = await request.get("/api/does-not-exist");
    expect(response.status()).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  });

  test("bad bodies get 400 with field details; nothing is created", async ({ request }) => {
    await signedInApi(request);
    const before = (await (await request.get("/api/members")).json()).members.length;
    const empty = await request.post("/api/secrets", {
      headers: { "content-type": "application/json" },
      data: "",
    });
    expect(empty.status()).toBe(400);
    const wrong = await request.post("/api/members", {
      data: { email: 42, name: [], roles: ["root"], temporaryPassword: true, extra: 1 },
    });
    expect(wrong.status()).toBe(400);
    const paths = (await wrong.json()).error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(["email", "name", "roles.0", "temporaryPassword", "(root)"]),
    );
    const members = await (await request.get("/api/members")).json();
    expect(members.members).toHaveLength(before);
  });

  test("a 10 MB body gets 413 without being read", async ({ request }) => {
    await signedInApi(request);
    const response = await request.post("/api/secrets", {
      headers: { "content-type": "application/json" },
      data: JSON.stringify({ name: "BIG", value: "x".repeat(10 * 1024 * 1024) }),
    });
    expect(response.status()).toBe(413);
    expect((await response.json()).error.code).toBe("payload_too_large");
  });

  test("a second setup is refused and changes nothing", async ({ request }) => {
    const response = await request.post("/api/setup", {
      data: {
        name: "Mallory",
        email: "mallory@example.com",
        password: "mallory-password",
        workspaceName: "Evil",
      },
    });
    expect(response.status()).toBe(409);
    const login = await request.post("/api/login", {
      data: { email: "mallory@example.com", password: "mallory-password" },
    });
    expect(login.status()).toBe(401);
  });

  test("secrets and keys are write-only", async ({ request }) => {
    await signedInApi(request);
    const secret = await request.post("/api/secrets", {
      data: { name: "CRM_TOKEN", value: "super-secret-value" },
    });
    expect(secret.status()).toBe(201);
    const connection = await request.post("/api/connections", {
      data: { name: "openai-test", apiKey: "sk-test-key-123", models: ["gpt-4o-mini"] },
    });
    expect(connection.status()).toBe(201);
    const listed = JSON.stringify([
      await (await request.get("/api/secrets")).json(),
      await (await request.get("/api/connections")).json(),
    ]);
    expect(listed).not.toContain("super-secret-value");
    expect(listed).not.toContain("sk-test-key-123");
  });

  test("repeated wrong passwords are throttled with Retry-After", async ({ request }) => {
    let last = 0;
    for (let i = 0; i < 8; i++) {
      const response = await request.post("/api/login", {
        data: { email: "nobody@example.com", password: `wrong-${i}` },
        headers: { "X-Forwarded-For": `10.0.0.${i}` },
      });
      last = response.status();
      if (last === 429) {
        expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
        break;
      }
      expect(last).toBe(401);
    }
    expect(last).toBe(429);
    // The admin's own account is unaffected by another account's lockout.
    expect(
      (
        await request.post("/api/login", { data: { email: ADMIN.email, password: ADMIN.password } })
      ).status(),
    ).toBe(200);
  });
});
