import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./support";

test("a new user sees the seeded example flows and runs one, seeing each step", async ({
  page,
}) => {
  await signIn(page);
  await page.goto("/flows");
  const triage = page.getByRole("article", { name: "Ticket triage (example)" });
  await expect(triage).toBeVisible();
  await expect(page.getByRole("article", { name: "Cascade routing (example)" })).toBeVisible();
  await expectAccessible(page);

  await triage.getByRole("button", { name: /^Run/ }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Input (JSON)").fill('{ "subject": 42 }');
  await dialog.getByRole("button", { name: "Run flow" }).click();
  await expect(dialog.getByTestId("run-problems")).toBeVisible();

  await dialog.getByLabel("Input (JSON)").fill(
    JSON.stringify({
      subject: "API error after login",
      body: "The api returns an error and the app crashes after login.",
    }),
  );
  await dialog.getByRole("button", { name: "Run flow" }).click();
  await expect(dialog.getByTestId("run-status")).toHaveText(/Succeeded|Waiting for review/, {
    timeout: 30_000,
  });
  await expect(dialog.getByTestId("run-node").filter({ hasText: "classify" })).toBeVisible();
  await expect(dialog.getByTestId("simulated-note")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("flows-run.png"), fullPage: true });
});
