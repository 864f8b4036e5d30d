import { expect, test } from "@playwright/test";
import { addMemberWithCli, createWorkspaceWithCli, PASSWORD, screenshot, signIn, uniqueEmail } from "./helpers";
import { operatorCli } from "../support/operator-cli";
import { testDatabaseUrl } from "./helpers";

test("a new owner signs up, creates and revokes an API key, and signs out", async ({ page }) => {
  await page.goto("/");
  await screenshot(page, "01-landing");
  await page.getByRole("link", { name: "Create an account" }).click();

  const email = uniqueEmail("signup");
  await page.getByLabel("Your name").fill("Camille Martin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Workspace name").fill("Boulangerie Bot");
  await screenshot(page, "02-signup");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("workspace-name")).toHaveText("Boulangerie Bot");
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
  await screenshot(page, "03-dashboard-overview");

  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await page.getByLabel("Key name").fill("Production bot");
  await page.getByRole("button", { name: "Create key" }).click();
  const keyText = page.getByTestId("new-api-key");
  await expect(keyText).toHaveText(/^ck_live_[A-Za-z0-9_-]{43}$/);
  const key = (await keyText.textContent()) ?? "";
  const row = page.getByTestId("api-key-row").filter({ hasText: "Production bot" });
  await expect(row).toContainText(key.slice(0, 16));
  await expect(row).toContainText("Never");
  await expect(row).toContainText("Active");
  await screenshot(page, "04-api-key-created");

  await page.reload();
  await expect(page.getByText(key)).toHaveCount(0);

  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "Revoke Production bot" }).click();
  await expect(row).toContainText("Revoked");
  await screenshot(page, "05-api-key-revoked");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await screenshot(page, "06-signed-out");
  await page.goto("/dashboard/settings");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard%2Fsettings$/);
});

test("a wrong password gets one generic message", async ({ page }) => {
  const email = uniqueEmail("wrong");
  await createWorkspaceWithCli("Wrong Password Co", email);
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await screenshot(page, "07-wrong-password");
});

test("an owner changes the timeout and time zone, and they persist", async ({ page }) => {
  const email = uniqueEmail("settings");
  await createWorkspaceWithCli("Settings Co", email);
  await signIn(page, email);
  await page.goto("/dashboard/settings");
  await page.getByLabel("Inactivity timeout (minutes)").fill("2000");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Use at most 1440 minutes (24 hours).")).toBeVisible();

  await page.getByLabel("Inactivity timeout (minutes)").fill("45");
  await page.getByLabel("Time zone").fill("Europe/Paris");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Inactivity timeout (minutes)")).toHaveValue("45");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Paris");
  await screenshot(page, "08-settings-saved");
});

test("a viewer sees settings read-only and the server refuses a forced change", async ({ page }) => {
  const owner = await createWorkspaceWithCli("Viewer Co", uniqueEmail("owner"));
  const viewerEmail = uniqueEmail("viewer");
  await addMemberWithCli(owner.workspaceId, viewerEmail, "viewer");
  await signIn(page, viewerEmail);
  await page.goto("/dashboard/settings");
  await expect(page.getByTestId("read-only-notice")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create key" })).toHaveCount(0);
  await expect(page.getByLabel("Inactivity timeout (minutes)")).toBeDisabled();
  await screenshot(page, "09-viewer-settings");

  // Re-enable the form in the page, as a hostile viewer could, and submit anyway.
  await page.locator("fieldset").evaluateAll((sets) => sets.forEach((set) => set.removeAttribute("disabled")));
  await page.getByRole("button", { name: "Save settings" }).evaluate((button) => button.removeAttribute("disabled"));
  await page.getByLabel("Inactivity timeout (minutes)").fill("5");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "needs the admin role" })).toBeVisible();

  const shown = await operatorCli<{ timeoutMinutes: number }>(["show-workspace", "--workspace", owner.workspaceId], testDatabaseUrl());
  expect(shown.timeoutMinutes).toBe(30);
});

test("a user switches between workspaces and cannot reach another's by id", async ({ page }) => {
  const email = uniqueEmail("multi");
  const first = await createWorkspaceWithCli("First Shop", email);
  const stranger = await createWorkspaceWithCli("Stranger Shop", uniqueEmail("stranger"));
  await signIn(page, email);

  await page.goto("/dashboard/settings");
  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Second Shop");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByTestId("workspace-name")).toHaveText("Second Shop");
  await screenshot(page, "10-second-workspace");

  await page.getByLabel("Workspace").selectOption(first.workspaceId);
  await expect(page.getByTestId("workspace-name")).toHaveText("First Shop");

  const response = await page.goto(`/dashboard/switch/${stranger.workspaceId}`);
  expect(response?.status()).toBe(404);
  await page.goto("/dashboard");
  await expect(page.getByTestId("workspace-name")).toHaveText("First Shop");
});
