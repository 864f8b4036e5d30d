import { expect, test } from "@playwright/test";
import { createWorkspaceWithCli, postEvents, screenshot, signIn, uniqueEmail } from "./helpers";

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const DAY = 24 * 60;

/** A week of answered conversations (more than the free plan includes), some customers coming back after 40 minutes. */
function weekOfTraffic() {
  const events = [];
  for (let day = 6; day >= 0; day--) {
    for (let i = 0; i < 10; i++) {
      const start = day * DAY + 600 - i * 37;
      const who = `customer-${day}-${i}`;
      events.push({ id: `${who}-q`, endUserId: who, role: "user", text: "Where is my order?", timestamp: minutesAgo(start) });
      if (i < 8) events.push({ id: `${who}-a`, endUserId: who, role: "assistant", text: "On its way.", timestamp: minutesAgo(start - 1) });
      if (i % 3 === 0) {
        events.push({ id: `${who}-q2`, endUserId: who, role: "user", text: "And the invoice?", timestamp: minutesAgo(start - 40) });
        events.push({ id: `${who}-a2`, endUserId: who, role: "assistant", text: "Sent by e-mail.", timestamp: minutesAgo(start - 41) });
      }
    }
  }
  return events;
}

test("an owner reads every insights view, replays another timeout and buys the suggested pack", async ({ page, baseURL }) => {
  const email = uniqueEmail("insights");
  const { apiKey } = await createWorkspaceWithCli("Insights Shop", email);
  await postEvents(baseURL ?? "", apiKey, weekOfTraffic());
  await signIn(page, email);

  await page.getByRole("link", { name: "Insights" }).click();
  await expect(page).toHaveURL(/\/dashboard\/insights$/);
  await expect(page.getByRole("heading", { name: "Conversation credits vs message credits" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Cost per day" })).toBeVisible();
  await expect(page.getByTestId("pricing-row")).toHaveCount(31);
  await expect(page.getByTestId("pricing-verdict")).not.toBeEmpty();
  const csv = await page.request.get((await page.getByTestId("csv-pricing").getAttribute("href")) ?? "");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\r\n")[0]).toBe("day,conversations,charged,messages,conversation_credits_cents,message_credits_cents");
  await screenshot(page, "80-insights-pricing");

  await page.getByRole("link", { name: "Timeout what-if" }).click();
  await expect(page.getByTestId("timeout-current")).toHaveText(/^At your timeout of 30 min: \d+ billable conversations\.$/);
  await page.getByTestId("custom-timeout").fill("45");
  await page.getByRole("button", { name: "Replay" }).click();
  await expect(page).toHaveURL(/custom=45/);
  await expect(page.getByTestId("timeouts-row")).toHaveCount(6);
  // Customers who came back after 40 minutes are one conversation at 45 minutes, two at 30.
  const billableAt = async (minutes: string) => Number((await page.getByTestId("timeouts-row").filter({ has: page.getByRole("cell", { name: minutes, exact: true }) }).locator("td").nth(3).textContent()) ?? "");
  expect(await billableAt("45")).toBeLessThan(await billableAt("30"));
  await screenshot(page, "81-insights-timeout");

  await page.getByRole("link", { name: "Forecast and advice" }).click();
  await expect(page.getByTestId("forecast-projected")).not.toBeEmpty();
  await expect(page.getByRole("img", { name: "Projected usage this period" })).toBeVisible();
  await expect(page.getByTestId("plans-row")).toHaveCount(4);
  await screenshot(page, "82-insights-forecast");
  await page.getByTestId("buy-suggested-pack").click();
  await expect(page).toHaveURL(/\/dashboard\/billing\/checkout\/cs_local_/);

  await page.goto("/dashboard/insights/patterns");
  await expect(page.getByRole("img", { name: "Busiest hours and weekdays" })).toBeVisible();
  await expect(page.getByTestId("top-end-users-row")).toHaveCount(10);
  await expect(page.getByTestId("cancelled-share")).toContainText("% cancelled");
  await screenshot(page, "83-insights-patterns");
});

test("the insights views speak French", async ({ page, baseURL }) => {
  const email = uniqueEmail("insights-fr");
  const { apiKey } = await createWorkspaceWithCli("Boutique Analyses", email);
  await postEvents(baseURL ?? "", apiKey, weekOfTraffic());
  await signIn(page, email);
  await page.getByLabel("Language").selectOption("fr");
  await page.getByRole("link", { name: "Analyses" }).click();
  await expect(page.getByRole("heading", { name: "Crédits de conversation ou crédits de message" })).toBeVisible();
  await screenshot(page, "84-insights-pricing-fr");
  await page.getByRole("link", { name: "Simulation du délai" }).click();
  await expect(page.getByTestId("timeout-current")).toHaveText(/^Avec votre délai de 30 min : \d+ conversations facturables\.$/);
  await screenshot(page, "85-insights-timeout-fr");
  await page.getByRole("link", { name: "Prévision et conseil" }).click();
  await expect(page.getByRole("heading", { name: "Que faut-il acheter ?" })).toBeVisible();
  await screenshot(page, "86-insights-forecast-fr");
  await page.getByRole("link", { name: "Habitudes" }).click();
  await expect(page.getByRole("heading", { name: "Heures et jours les plus chargés" })).toBeVisible();
  await screenshot(page, "87-insights-patterns-fr");
});
