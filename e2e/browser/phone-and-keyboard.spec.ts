import { expect, test, type Locator, type Page } from "@playwright/test";
import { createWorkspaceWithCli, postEvents, screenshot, signIn, uniqueEmail } from "./helpers";

test.describe("on a phone-sized screen", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("every dashboard page fits the screen without sideways scrolling", async ({ page, baseURL }) => {
    const email = uniqueEmail("phone");
    const { apiKey } = await createWorkspaceWithCli("Pocket Pizzeria", email);
    await postEvents(baseURL ?? "", apiKey, [
      { id: "1", endUserId: "a-rather-long-end-user-identifier-from-a-crm", role: "user", text: "Do you deliver?" },
      { id: "2", endUserId: "a-rather-long-end-user-identifier-from-a-crm", role: "assistant", text: "Yes, until 23:00." },
    ]);
    await signIn(page, email);
    for (const [path, name] of [
      ["/dashboard", "overview"],
      ["/dashboard/conversations", "conversations"],
      ["/dashboard/billing", "billing"],
      ["/dashboard/test-chat", "test-chat"],
      ["/dashboard/settings", "settings"],
      ["/dashboard/outbox", "outbox"],
    ]) {
      await page.goto(path ?? "/");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(1);
      await screenshot(page, `50-phone-${name}`);
    }
  });
});

/** Presses Tab until `target` has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 25 && !(await target.evaluate((element) => element === document.activeElement)); presses++) {
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test("the dashboard can be used with the keyboard alone", async ({ page }) => {
  const email = uniqueEmail("keyboard");
  await createWorkspaceWithCli("Keyboard Kiosk", email);
  await page.goto("/login");
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type("correct horse battery");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboard$/);

  await tabTo(page, page.getByRole("link", { name: "Billing" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboard\/billing$/);
});
