import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { operatorCli } from "../support/operator-cli";
import { HttpSession } from "../support/http-session";
import { PASSWORD, uniqueEmail } from "../support/fixtures";

const databaseUrl = inject("databaseUrl");
const appUrl = inject("appUrl");

async function failingCli(args: string[]) {
  try {
    await promisify(execFile)("node_modules/.bin/tsx", ["scripts/cli.ts", ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } });
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { exitCode: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
  throw new Error("The command should have failed.");
}

describe("operator CLI", () => {
  it("creates a workspace with its owner and an API key, and the owner can sign in", async () => {
    const email = uniqueEmail("cli");
    const created = await operatorCli<{ workspaceId: string; userId: string; apiKey: string }>(
      ["create-workspace", "--name", "CLI Shop", "--email", email, "--password", PASSWORD, "--plan", "pro", "--timeout-minutes", "45"],
      databaseUrl,
    );
    expect(created.apiKey).toMatch(/^ck_live_[A-Za-z0-9_-]{43}$/);

    const shown = await operatorCli<Record<string, unknown>>(["show-workspace", "--workspace", created.workspaceId], databaseUrl);
    expect(shown).toMatchObject({ id: created.workspaceId, name: "CLI Shop", plan: "pro", timeoutMinutes: 45, timeZone: "UTC", activeApiKeys: 1 });
    expect(shown.members).toEqual([{ userId: created.userId, email, role: "owner" }]);

    expect(await new HttpSession(appUrl).signIn(email, PASSWORD)).toBeNull();
  });

  it("reuses an existing account for a second workspace and adds keys", async () => {
    const email = uniqueEmail("cli-twice");
    const first = await operatorCli<{ userId: string }>(["create-workspace", "--name", "One", "--email", email, "--password", PASSWORD], databaseUrl);
    const second = await operatorCli<{ userId: string; workspaceId: string }>(["create-workspace", "--name", "Two", "--email", email, "--password", PASSWORD], databaseUrl);
    expect(second.userId).toBe(first.userId);
    const key = await operatorCli<{ apiKey: string; name: string }>(["create-api-key", "--workspace", second.workspaceId, "--name", "Batch importer"], databaseUrl);
    expect(key).toMatchObject({ name: "Batch importer", apiKey: expect.stringMatching(/^ck_live_/) });
  });

  it("grants credits that never expire and shows the balance, the ledger summing to it", async () => {
    const created = await operatorCli<{ workspaceId: string }>(["create-workspace", "--name", "Granted", "--email", uniqueEmail("grant"), "--password", PASSWORD], databaseUrl);
    const granted = await operatorCli<{ granted: number; balance: { remaining: { plan: number; packs: number; total: number } } }>(
      ["grant-credits", "--workspace", created.workspaceId, "--amount", "120", "--reason", "Goodwill for the outage"],
      databaseUrl,
    );
    expect(granted).toMatchObject({ granted: 120, balance: { remaining: { plan: 50, packs: 120, total: 170 } } });
    const shown = await operatorCli<{ remaining: { total: number }; overage: number; ledgerSum: number }>(["show-balance", "--workspace", created.workspaceId], databaseUrl);
    expect(shown).toMatchObject({ remaining: { total: 170 }, overage: 0, ledgerSum: 120 });
    const refused = await failingCli(["grant-credits", "--workspace", created.workspaceId, "--amount", "0", "--reason", "oops"]);
    expect(refused.stderr).toContain("--amount: must be at least 1");
  });

  it("refuses bad input with a clear message, a non-zero exit and nothing on stdout", async () => {
    const badTimeout = await failingCli(["create-workspace", "--name", "X", "--email", uniqueEmail(), "--password", PASSWORD, "--timeout-minutes", "0"]);
    expect(badTimeout.exitCode).not.toBe(0);
    expect(badTimeout.stdout).toBe("");
    expect(badTimeout.stderr).toContain("--timeout-minutes: Use at least 1 minute.");

    const missing = await failingCli(["show-workspace", "--workspace", "00000000-0000-4000-8000-000000000000"]);
    expect(missing.stderr).toContain("Workspace 00000000-0000-4000-8000-000000000000 not found.");

    const taken = uniqueEmail("taken");
    await operatorCli(["create-workspace", "--name", "Y", "--email", taken, "--password", PASSWORD], databaseUrl);
    const wrongPassword = await failingCli(["create-workspace", "--name", "Z", "--email", taken, "--password", "another password"]);
    expect(wrongPassword.stderr).toContain(`A user with email ${taken} exists and the password does not match.`);

    const unknown = await failingCli(["explode"]);
    expect(unknown.stderr).toContain('Unknown command "explode"');
  });
});
