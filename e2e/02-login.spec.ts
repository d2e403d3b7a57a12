import { expect, test } from "@playwright/test";
import { ADMIN, expectAccessible } from "./support";

test("a wrong password gets a clear error; the right one signs in; sign out ends the session", async ({
  page,
}) => {
  await page.goto("/flows");
  await expect(page).toHaveURL(/\/login/);
  await expectAccessible(page);

  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("login-error")).toContainText("Incorrect email or password");
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/flows/);
  await expect(page.getByRole("heading", { level: 1, name: "Flows" })).toBeVisible();

  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/settings/members");
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get("/api/me")).status()).toBe(401);
});
