import { expect, test, type Page } from "@playwright/test";
import { dashboardUrls } from "../support/dashboard-routes";
import { createWorkspaceWithCli, postEvents, screenshot, signIn, uniqueEmail } from "./helpers";

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** Records every CSP violation the page reports, from its first script on. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

test("every page works under the nonce CSP, with no violation, while an owner sets retention, erases a customer and reads the audit log", async ({ page, baseURL }) => {
  const violations = await watchCsp(page);
  const email = uniqueEmail("csp");
  const { apiKey } = await createWorkspaceWithCli("CSP Clinic", email);
  const posted = (await postEvents(baseURL ?? "", apiKey, [
    { id: "1", endUserId: "patient-7", role: "user", text: "Can I move my appointment?", timestamp: minutesAgo(20) },
    { id: "2", endUserId: "patient-7", role: "assistant", text: "Yes, to Thursday.", timestamp: minutesAgo(19) },
  ])) as { results: { conversationId: string }[] };
  const conversationId = posted.results[0]?.conversationId ?? "";

  await page.goto("/");
  await page.goto("/signup");
  await signIn(page, email);
  // Every static dashboard page renders and hydrates (client components run only if their scripts may).
  for (const url of dashboardUrls().filter((u) => !/[0-9a-f]{8}-|export|switch/.test(u))) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 }).first(), url).toBeVisible();
  }
  await page.goto("/dashboard");
  await expect(page.getByRole("img", { name: "Conversations per day" })).toBeVisible();

  // A client-side interaction: the test chat posts through a server action and renders the reply.
  await page.goto("/dashboard/test-chat");
  await page.getByPlaceholder("Type a message as a customer…").fill("Hello under CSP");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByText("Hello under CSP").first()).toBeVisible();

  await page.goto("/dashboard/settings");
  await page.getByLabel("Keep message texts (days)").fill("30");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Keep message texts (days)")).toHaveValue("30");

  const erased = await fetch(`${baseURL}/api/v1/end-users/patient-7`, { method: "DELETE", headers: { authorization: `Bearer ${apiKey}` } });
  expect(erased.status).toBe(200);
  await page.goto(`/dashboard/conversations/${conversationId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("erased-");
  await expect(page.getByTestId("message")).toHaveCount(2);
  await expect(page.getByTestId("message").first()).toContainText("(erased)");
  await expect(page.getByText("Can I move my appointment?")).toHaveCount(0);
  await screenshot(page, "70-erased-conversation");

  await page.goto("/dashboard/settings");
  await page.getByRole("link", { name: "Open the audit log" }).click();
  await expect(page).toHaveURL(/\/dashboard\/settings\/audit$/);
  const actions = page.getByTestId("audit-action");
  await expect(actions.first()).toHaveText("End user erased");
  await expect(actions).toContainText(["End user erased", "Settings changed", "Workspace created"]);
  await screenshot(page, "71-audit-log");

  expect(violations).toEqual([]);
});

test("an injected inline script is blocked and reported (the watcher above would see it)", async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto("/login");
  const ran = await page.evaluate(async () => {
    (window as unknown as { injected?: boolean }).injected = false;
    document.body.insertAdjacentHTML("beforeend", `<img src="/missing.png" onerror="window.injected = true">`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return (window as unknown as { injected?: boolean }).injected;
  });
  expect(ran).toBe(false);
  await expect.poll(() => violations.length).toBeGreaterThan(0);
});
