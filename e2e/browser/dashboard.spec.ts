import { expect, test } from "@playwright/test";
import { createWorkspaceWithCli, expectFastRender, PASSWORD, postEvents, screenshot, signIn, uniqueEmail } from "./helpers";

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

test("the overview shows exactly what the usage API says, after a first-run command", async ({ page, baseURL }) => {
  const email = uniqueEmail("overview");
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Workspace name").fill("Overview Bakery");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);

  await expect(page.getByTestId("events-url")).toHaveText(`${baseURL}/api/v1/events`);
  await page.getByRole("button", { name: "Create a key for this command" }).click();
  const command = page.getByTestId("first-run-command");
  await expect(command).toContainText("Bearer ck_live_");
  await screenshot(page, "30-first-run");
  const apiKey = /ck_live_[A-Za-z0-9_-]{43}/.exec((await command.textContent()) ?? "")?.[0] ?? "";

  const events = [];
  for (let i = 0; i < 6; i++) {
    events.push({ id: `q${i}`, endUserId: `client-${i}`, role: "user", text: `Question ${i}`, timestamp: minutesAgo(90 - i) });
    if (i < 4) events.push({ id: `a${i}`, endUserId: `client-${i}`, role: "assistant", text: `Answer ${i}`, timestamp: minutesAgo(89 - i) });
  }
  events.push({ id: "t1", endUserId: "tester", channel: "test", role: "user", timestamp: minutesAgo(5) });
  await postEvents(baseURL ?? "", apiKey, events);
  const usage = (await (await fetch(`${baseURL}/api/v1/usage`, { headers: { authorization: `Bearer ${apiKey}` } })).json()) as {
    usedThisPeriod: number;
    remaining: { total: number };
    overage: number;
    plan: { included: number };
  };

  await page.reload();
  await expectFastRender(page);
  await expect(page.getByTestId("overview-used")).toHaveText(`${usage.usedThisPeriod} of ${usage.plan.included} conversations included in your Free plan`);
  await expect(page.getByTestId("overview-remaining")).toHaveText(String(usage.remaining.total));
  await expect(page.getByTestId("overview-overage")).toHaveText(String(usage.overage));
  await expect(page.getByRole("img", { name: "Conversations per day" })).toBeVisible();
  await screenshot(page, "31-overview");
});

test("an owner finds a conversation by end user, reads why it was charged, and exports the list as CSV", async ({ page, baseURL }) => {
  const email = uniqueEmail("history");
  const { apiKey } = await createWorkspaceWithCli("History Hotel", email);
  await postEvents(baseURL ?? "", apiKey, [
    { id: "1", endUserId: "guest-room-12", role: "user", text: "Is breakfast included?", timestamp: minutesAgo(50) },
    { id: "2", endUserId: "guest-room-12", role: "assistant", text: "Yes, from 7 to 10.", timestamp: minutesAgo(49) },
    { id: "3", endUserId: "guest-room-40", role: "user", text: "Hello?", timestamp: minutesAgo(45) },
    { id: "4", endUserId: "walk-in", role: "user", text: "Late checkout?", timestamp: minutesAgo(2) },
    { id: "5", endUserId: "walk-in", role: "assistant", text: "Until noon.", timestamp: minutesAgo(1) },
  ]);
  await signIn(page, email);
  await page.getByRole("link", { name: "Conversations" }).click();
  await expectFastRender(page);
  await expect(page.getByTestId("conversation-row")).toHaveCount(3);
  await screenshot(page, "32-history");

  await page.getByLabel("End user").fill("guest-room");
  await page.getByLabel("Charged").selectOption("false");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/q=guest-room/);
  await expect(page.getByTestId("conversation-row")).toHaveCount(1);
  await page.getByTestId("conversation-row").getByRole("link").click();
  await expectFastRender(page);
  await expect(page.getByTestId("charge-explanation")).toHaveText("Not charged: the customer got no response.");
  await expect(page.getByTestId("message")).toHaveText([/Hello\?/]);

  await page.goto("/dashboard/conversations?q=guest-room-12");
  await page.getByTestId("conversation-row").getByRole("link").click();
  await expect(page.getByTestId("charge-explanation")).toHaveText(/^Charged 1 credit from your plan allowance on /);
  await expect(page.getByTestId("message")).toHaveText([/Is breakfast included\?/, /Yes, from 7 to 10\./]);
  await screenshot(page, "33-conversation-detail");

  const csv = await page.request.get("/dashboard/conversations/export?billable=true");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toMatch(/^conversation_id,started_at,/);
  expect(lines.slice(1).map((line) => line.split(",")[3]).sort()).toEqual(["guest-room-12", "walk-in"]);
});

test("the test chat goes into the history as a test and leaves the balance alone", async ({ page }) => {
  const email = uniqueEmail("chat");
  await createWorkspaceWithCli("Chat Cafe", email);
  await signIn(page, email);
  await page.getByRole("link", { name: "Test chat" }).click();
  await expectFastRender(page);
  await expect(page.getByTestId("test-chat-balance")).toHaveText("50");
  for (const text of ["Do you have oat milk?", "And gluten-free cake?"]) {
    await page.getByLabel("Message").fill(text);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByTestId("chat-bot").last()).toHaveText(`Echo: ${text}`);
  }
  await expect(page.getByTestId("test-chat-balance")).toHaveText("50");
  await expect(page.getByTestId("test-chat-balance-note")).toHaveText("Unchanged after 2 test exchanges.");
  await screenshot(page, "34-test-chat");
  await page.getByRole("link", { name: /Open this conversation/ }).click();
  await expect(page.getByTestId("charge-explanation")).toHaveText("Not charged: test conversation from the dashboard.");
});

test("the dashboard speaks French when asked, with French dates and numbers", async ({ page, baseURL }) => {
  const email = uniqueEmail("fr");
  const { apiKey } = await createWorkspaceWithCli("Boulangerie Dupont", email);
  await postEvents(baseURL ?? "", apiKey, [
    { id: "1", endUserId: "marie", role: "user", text: "Bonjour", timestamp: minutesAgo(3) },
    { id: "2", endUserId: "marie", role: "assistant", text: "Bonjour !", timestamp: minutesAgo(2) },
  ]);
  await signIn(page, email);
  await page.getByLabel("Language").selectOption("fr");
  await expect(page.getByRole("link", { name: "Facturation" })).toBeVisible();
  await expect(page.getByText("Conversations par jour")).toBeVisible();
  await screenshot(page, "35-overview-fr");
  await page.getByRole("link", { name: "Facturation" }).click();
  await expect(page.getByRole("heading", { name: "Facturation" })).toBeVisible();
  await expect(page.getByText(/^9,00\s€/).first()).toBeVisible();
  // Day before month, lower-case French month, 24-hour clock: "23 nov. 2026, 14:05".
  await expect(page.getByTestId("ledger-row").first().locator("td").first()).toHaveText(/^\d{1,2}\s[a-zéû]+\.?\s\d{4},?\s\d{2}:\d{2}$/);
  await page.reload();
  await expect(page.getByLabel("Langue")).toHaveValue("fr");
  await screenshot(page, "36-billing-fr");
});

test("an owner invites a viewer, who joins through the link with a new account", async ({ page, browser }) => {
  const email = uniqueEmail("inviter");
  await createWorkspaceWithCli("Invite Inn", email);
  await signIn(page, email);
  await page.goto("/dashboard/settings");
  const invitee = uniqueEmail("invitee");
  await page.getByLabel("Email to invite").fill(invitee);
  await page.getByRole("button", { name: "Invite" }).click();
  const link = (await page.getByTestId("invitation-link").textContent()) ?? "";
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("invitation-row")).toContainText(invitee);

  const visitor = await browser.newContext();
  const other = await visitor.newPage();
  await other.goto(link);
  await expect(other.getByRole("heading", { name: "Join Invite Inn" })).toBeVisible();
  await other.getByLabel("Password").fill(PASSWORD);
  await other.getByRole("button", { name: "Join the workspace" }).click();
  await expect(other).toHaveURL(/\/dashboard$/);
  await expect(other.getByTestId("workspace-name")).toHaveText("Invite Inn");
  await other.goto("/dashboard/settings");
  await expect(other.getByTestId("read-only-notice")).toBeVisible();
  await screenshot(other, "37-invited-viewer");
  await other.goto(link);
  await expect(other.getByText("This invitation link is invalid, used or expired.")).toBeVisible();
  await visitor.close();
});
