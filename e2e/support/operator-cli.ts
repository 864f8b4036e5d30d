import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Runs the operator CLI against the test database and parses its one JSON line. */
export async function operatorCli<T = Record<string, unknown>>(args: string[], databaseUrl: string): Promise<T> {
  const { stdout } = await run("node_modules/.bin/tsx", ["scripts/cli.ts", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  const lines = stdout.trim().split("\n");
  if (lines.length !== 1) throw new Error(`The CLI printed ${lines.length} lines:\n${stdout}`);
  return JSON.parse(lines[0] ?? "") as T;
}
