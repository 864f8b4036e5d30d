import { expect, test } from "@playwright/test";
import { operatorCli } from "../support/operator-cli";
import { createWorkspaceWithCli, screenshot, signIn, testDatabaseUrl, uniqueEmail } from "./helpers";

test("an owner buys a pack through the local test checkout, once, and finds the receipt", async ({ page }) => {
  const email = uniqueEmail("buyer");
  const { workspaceId } = await createWorkspaceWithCli("Pack Buyers", email);
  await signIn(page, email);
  await page.getByRole("link", { name: "Billing" }).click();
  await expect(page.getByTestId("billing-remaining-packs")).toHaveText("0");
  await screenshot(page, "20-billing-before");

  await page.getByRole("button", { name: "Buy pack-500" }).click();
  await expect(page).toHaveURL(/\/dashboard\/billing\/checkout\/cs_local_/);
  const checkoutUrl = page.url();
  await expect(page.getByRole("note")).toContainText("Test payment");
  await expect(page.getByText("€39.00")).toBeVisible();
  await screenshot(page, "21-local-checkout");
  await page.getByRole("button", { name: "Pay (test)" }).click();

  await expect(page).toHaveURL(/\/dashboard\/billing\?purchase=success$/);
  await expect(page.getByText("Payment received")).toBeVisible();
  await expect(page.getByTestId("billing-remaining-packs")).toHaveText("500");
  await expect(page.getByTestId("billing-remaining-total")).toHaveText("550");
  const purchase = page.getByTestId("purchase-row");
  await expect(purchase).toHaveCount(1);
  await expect(purchase).toContainText("pack-500");
  await expect(purchase).toContainText("Paid");
  await screenshot(page, "22-billing-after-purchase");

  // Paying the same checkout again changes nothing.
  await page.goto(checkoutUrl);
  await expect(page.getByText("This checkout is already paid.")).toBeVisible();
  const balance = await operatorCli<{ remaining: { packs: number } }>(["show-balance", "--workspace", workspaceId], testDatabaseUrl());
  expect(balance.remaining.packs).toBe(500);

  await page.goto("/dashboard/billing");
  await page.getByTestId("purchase-row").getByRole("link", { name: "Receipt" }).click();
  const receipt = page.getByTestId("receipt");
  await expect(receipt).toContainText("€39.00");
  await expect(receipt).toContainText("pack-500: 500 conversations");
  await expect(receipt).toContainText("Pack Buyers");
  await screenshot(page, "23-receipt");
});

test("an owner changes plan and overage policy, and keeps their packs", async ({ page }) => {
  const email = uniqueEmail("planner");
  const { workspaceId } = await createWorkspaceWithCli("Plan Changers", email);
  await operatorCli(["grant-credits", "--workspace", workspaceId, "--amount", "25", "--reason", "Welcome gift"], testDatabaseUrl());
  await signIn(page, email);
  await page.goto("/dashboard/billing");
  await expect(page.getByTestId("billing-remaining-packs")).toHaveText("25");

  await page.getByRole("button", { name: "Switch to Pro" }).click();
  await expect(page.getByTestId("plan-pro")).toContainText("Current plan");
  await expect(page.getByTestId("billing-remaining-plan")).toHaveText("2000 / 2000");
  await expect(page.getByTestId("billing-remaining-packs")).toHaveText("25");

  await page.getByLabel("Pause new conversations").check();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Pause new conversations")).toBeChecked();
  await expect(page.getByTestId("ledger-row").first()).toBeVisible();
  await screenshot(page, "24-billing-plan-and-policy");
});
