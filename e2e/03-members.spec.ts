import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./support";

const BOB = {
  name: "Bob Viewer",
  email: "bob@example.com",
  temporary: "temporary-pass-42",
  chosen: "bobs-own-password-7",
};

test("an admin adds a viewer, who must change the temporary password and is refused on admin pages", async ({
  page,
  browser,
}) => {
  await signIn(page);
  await page.goto("/settings/members");
  await page.getByRole("button", { name: "Add member" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(BOB.email);
  await dialog.getByLabel("Name", { exact: true }).fill(BOB.name);
  await dialog.getByRole("checkbox", { name: "Editor" }).uncheck();
  await dialog.getByRole("checkbox", { name: "Viewer" }).check();
  await dialog.getByLabel("Temporary password").fill(BOB.temporary);
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Add member" }).click();
  await expect(dialog).toBeHidden();
  const row = page
    .getByRole("table", { name: "Members" })
    .getByRole("row", { name: new RegExp(BOB.name) });
  await expect(row).toContainText("Must change password");
  await expect(row).toContainText("Viewer");

  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  await bob.goto("/login");
  await bob.getByLabel("Email").fill(BOB.email);
  await bob.getByLabel("Password").fill(BOB.temporary);
  await bob.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(bob).toHaveURL(/\/change-password/);
  await expect(bob.getByTestId("must-change-password")).toBeVisible();
  // Until the password is changed, the rest of the app stays closed.
  await bob.goto("/flows");
  await expect(bob).toHaveURL(/\/change-password/);
  expect((await bob.request.get("/api/connections")).status()).toBe(403);
  await expectAccessible(bob);

  await bob.getByLabel("Current password").fill(BOB.temporary);
  await bob.getByLabel("New password").fill(BOB.chosen);
  await bob.getByLabel("Confirm password").fill(BOB.chosen);
  await bob.getByRole("button", { name: "Change password" }).click();
  await expect(bob).toHaveURL(/\/flows/);

  const refused = await bob.goto("/settings/members");
  expect(refused?.status()).toBe(403);
  await expect(bob.getByRole("heading", { level: 1 })).toHaveText(
    "You don't have access to this page",
  );
  await expectAccessible(bob);
  expect((await bob.request.get("/api/members")).status()).toBe(403);
  expect(
    (await bob.request.post("/api/secrets", { data: { name: "X", value: "y" } })).status(),
  ).toBe(403);
  await bobContext.close();

  await page.reload();
  await expect(row).toContainText("Active");
});
