import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** The first admin created by 01-setup.spec.ts; later specs sign in with it. */
export const ADMIN = {
  name: "Ada Admin",
  email: "ada@example.com",
  password: "correct-horse-battery",
  workspace: "Acme Support",
};

/** Signs a browser page in through the login form's API (sets the session cookie). */
export async function signIn(
  page: Page,
  email = ADMIN.email,
  password = ADMIN.password,
): Promise<void> {
  const response = await page.request.post("/api/login", { data: { email, password } });
  expect(response.status(), await response.text()).toBe(200);
}

/** An API client signed in as the given user. */
export async function signedInApi(
  request: APIRequestContext,
  email = ADMIN.email,
  password = ADMIN.password,
) {
  const response = await request.post("/api/login", { data: { email, password } });
  expect(response.status(), await response.text()).toBe(200);
  return request;
}

/** Fails on serious or critical axe violations, listing them readably. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const summary = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}
