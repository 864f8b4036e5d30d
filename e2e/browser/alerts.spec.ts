import { expect, test } from "@playwright/test";
import { createWorkspaceWithCli, expectFastRender, postEvents, screenshot, signIn, uniqueEmail } from "./helpers";

test("an owner sets a threshold, usage crosses it through the API, and the bell, banner and outbox show the alert", async ({ page, baseURL }) => {
  const email = uniqueEmail("alerts");
  const { apiKey } = await createWorkspaceWithCli("Alert Agency", email);
  await signIn(page, email);
  await page.goto("/dashboard/settings");
  await page.getByLabel("Add threshold", { exact: true }).selectOption("remaining_below");
  await page.getByLabel("Add threshold: Threshold").fill("45");
  await page.getByRole("button", { name: "Add threshold" }).click();
  await expect(page.getByTestId("alert-rule")).toHaveCount(3);
  await page.getByLabel("E-mail recipients").fill("boss@example.test, ops@example.test");
  await page.getByRole("button", { name: "Save channels" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await screenshot(page, "40-alert-settings");

  const events = Array.from({ length: 6 }, (_, i) => [
    { id: `q${i}`, endUserId: `u${i}`, role: "user" },
    { id: `a${i}`, endUserId: `u${i}`, role: "assistant" },
  ]).flat();
  await postEvents(baseURL ?? "", apiKey, events);

  await page.goto("/dashboard");
  await expect(page.getByTestId("bell-count")).toHaveText("1");
  await expect(page.getByTestId("alert-banner")).toContainText("fewer than 45 conversations left");
  await page.getByRole("button", { name: /Notifications/ }).click();
  await expect(page.getByTestId("notification")).toContainText("fewer than 45 conversations left");
  await screenshot(page, "41-bell");

  await page.getByRole("link", { name: "Outbox" }).click();
  await expectFastRender(page);
  const rows = page.getByTestId("outbox-row");
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId("outbox-status").first()).toHaveText("Kept here (no SMTP)");
  await expect(rows.first()).toContainText("fewer than 45 conversations left");
  await screenshot(page, "42-outbox");

  await page.goto("/dashboard");
  await page.getByRole("button", { name: /Notifications/ }).click();
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByTestId("bell-count")).toHaveCount(0);
});
