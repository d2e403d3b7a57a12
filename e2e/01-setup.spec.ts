import { expect, test } from "@playwright/test";
import { ADMIN, expectAccessible } from "./support";

test("first run: an empty database sends visitors to /setup, which creates the first admin once", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Your name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByLabel("Workspace name").fill(ADMIN.workspace);
  await page.getByRole("button", { name: "Create admin account" }).click();

  await expect(page).toHaveURL(/\/flows$/);
  await expect(page.getByTestId("workspace-switcher")).toContainText(ADMIN.workspace);
  await expectAccessible(page);

  // Setup is closed now: the page sends people to sign in.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/(login|flows)/);
});
