import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./support";

test("a reviewer approves a flagged draft in the Approvals inbox and the run finishes", async ({
  page,
}) => {
  await signIn(page);
  const { flows } = await (await page.request.get("/api/flows")).json();
  const triage = flows.find((f: { name: string }) => f.name === "Ticket triage (example)");
  const input = {
    subject: "Refund or my lawyer calls",
    body: "Refund the double charge on my invoice or my lawyer will call you.",
  };
  const started = await page.request.post(`/api/flows/${triage.id}/runs`, {
    data: { input, waitMs: 20_000 },
  });
  const { run } = await started.json();
  expect(run.status).toBe("waiting");

  await page.goto("/approvals");
  const card = page.getByTestId("review-task").filter({ hasText: run.id });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("draft-checks")).toContainText("Failed");
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("approvals.png"), fullPage: true });

  await card.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Approved", { exact: true })).toBeVisible();
  await expect(card).toBeHidden();
  await expect
    .poll(async () => (await (await page.request.get(`/api/runs/${run.id}`)).json()).run.status, {
      timeout: 20_000,
    })
    .toBe("succeeded");
});
