// npm run --silent cli -- <command> [options]: operator commands. One JSON line on success;
// a message on stderr and exit code 1 on error.
import { parseArgs } from "node:util";
import { z } from "zod";
import { resolveDatabase } from "@/lib/database/resolve-database";
import { applyMigrations } from "@/lib/database/migrate";
import { AppError } from "@/lib/errors";
import { describeError } from "@/lib/http/describe-error";
import { COMMANDS, toFlag, type CommandName } from "./cli/commands";

const USAGE = `Usage: npm run --silent cli -- <command> [options]
Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name} ${command.usage}`)
  .join("\n")}`;

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  if (!name || !(name in COMMANDS)) {
    console.error(name ? `Unknown command "${name}".\n${USAGE}` : USAGE);
    return 2;
  }
  const command = COMMANDS[name as CommandName];
  const { values } = parseArgs({ args: rest, options: command.options, strict: true });
  const database = await resolveDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    await applyMigrations(database.url);
    const result = await command.run(values);
    console.log(JSON.stringify(result));
    return 0;
  } finally {
    const { db } = await import("@/lib/db");
    await db().$disconnect();
    await database.release();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof z.ZodError) {
      console.error(`Error: ${error.issues.map((i) => `--${toFlag(i.path.join("."))}: ${i.message}`).join("; ")}`);
    } else if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      console.error(`Error: ${error.message}\n${USAGE}`);
    } else {
      console.error(`Error: ${error instanceof AppError ? error.message : describeError(error).message}`);
    }
    process.exit(1);
  },
);
