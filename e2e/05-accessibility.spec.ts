import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./support";

const PAGES = [
  "/flows",
  "/runs",
  "/costs",
  "/prompts",
  "/approvals",
  "/endpoints",
  "/audit",
  "/settings/members",
  "/settings/connections",
  "/settings/secrets",
  "/settings/api-keys",
  "/settings/usage",
  "/settings/approvals",
  "/settings/system",
  "/change-password",
  "/no-such-page",
];

for (const theme of ["light", "dark"] as const) {
  test(`every page passes axe (serious and critical) in the ${theme} theme`, async ({ page }) => {
    // Sixteen pages, each loaded and scanned by axe: over a minute on a loaded 2-core machine.
    test.setTimeout(180_000);
    await page.addInitScript((value) => localStorage.setItem("trellis-theme", value), theme);
    await signIn(page);
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.locator("html")).toHaveClass(theme === "dark" ? /dark/ : /^(?!.*dark)/);
      await expectAccessible(page);
      await page.screenshot({
        path: test.info().outputPath(`${theme}${path.replaceAll("/", "_")}.png`),
        fullPage: true,
      });
    }
    await page.context().clearCookies();
    await page.goto("/login");
    await expectAccessible(page);
  });
}
