import { expect, test } from "@playwright/test";
import { ADMIN, signIn } from "./support";

test("a user creates a second workspace and switches between them", async ({ page }) => {
  await signIn(page);
  await page.goto("/settings/members");
  const switcher = page.getByTestId("workspace-switcher");
  await expect(switcher).toContainText(ADMIN.workspace);

  await switcher.click();
  await page.getByRole("menuitem", { name: /New workspace/ }).click();
  await page.getByLabel("Workspace name").fill("Research Lab");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(switcher).toContainText("Research Lab");
  // The new workspace has only its creator, so the other workspace's members are not visible.
  await expect(page.getByRole("table", { name: "Members" }).getByRole("row")).toHaveCount(2);
  await page.goto("/settings/connections");
  await expect(page.getByTestId("connection-card")).toHaveCount(1);

  await switcher.click();
  await page.getByRole("menuitemradio", { name: ADMIN.workspace }).click();
  await expect(switcher).toContainText(ADMIN.workspace);
  await page.goto("/settings/members");
  await expect(page.getByRole("table", { name: "Members" })).toContainText("Bob Viewer");
});
