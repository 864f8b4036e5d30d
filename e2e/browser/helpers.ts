import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import { operatorCli } from "../support/operator-cli";

export const PASSWORD = "correct horse battery";

export function testDatabaseUrl(): string {
  const url = process.env.CONVOMETER_TEST_DATABASE_URL;
  if (!url) throw new Error("CONVOMETER_TEST_DATABASE_URL is not set (the global setup sets it).");
  return url;
}

export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(4).toString("hex")}@example.test`;
}

/** A full-page screenshot under test-results/screenshots, named after the step it documents. */
export async function screenshot(page: Page, name: string) {
  mkdirSync("test-results/screenshots", { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

export function createWorkspaceWithCli(name: string, email: string) {
  return operatorCli<{ workspaceId: string; userId: string; apiKey: string }>(
    ["create-workspace", "--name", name, "--email", email, "--password", PASSWORD],
    testDatabaseUrl(),
  );
}

export function addMemberWithCli(workspaceId: string, email: string, role: "owner" | "admin" | "viewer") {
  return operatorCli(["add-member", "--workspace", workspaceId, "--email", email, "--password", PASSWORD, "--role", role], testDatabaseUrl());
}

/** Server time of the last navigation (request sent to response complete) stays under a second. */
export async function expectFastRender(page: Page) {
  const serverMs = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    return navigation ? navigation.responseEnd - navigation.requestStart : 0;
  });
  expect(serverMs).toBeLessThan(1000);
}

export async function postEvents(baseURL: string, apiKey: string, events: unknown[]) {
  const response = await fetch(`${baseURL}/api/v1/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ events }),
  });
  expect(response.status).toBe(200);
  return response.json();
}
