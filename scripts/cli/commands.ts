import type { ParseArgsConfig } from "node:util";

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig["options"]>;
import { z } from "zod";
import { db, pool } from "@/lib/db";
import { grantCredits } from "@/lib/credits/grant-credits";
import { readBalance } from "@/lib/credits/read-balance";
import { emailSchema, passwordSchema } from "@/lib/auth/schemas";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { apiKeyNameSchema } from "@/lib/api-keys/schemas";
import { addMember } from "@/lib/workspaces/add-member";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { showWorkspace } from "@/lib/workspaces/show-workspace";
import { planIdSchema, timeoutMinutesSchema, workspaceNameSchema } from "@/lib/workspaces/schemas";

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Command {
  usage: string;
  options: ParseArgsOptionsConfig;
  run: (values: Values) => Promise<unknown>;
}

/** A command whose options are parsed by one zod schema before it runs. */
function command<Schema extends z.ZodType>(definition: {
  usage: string;
  schema: Schema;
  run: (input: z.output<Schema>) => Promise<unknown>;
}): Command {
  const shape = definition.schema instanceof z.ZodObject ? Object.keys(definition.schema.shape) : [];
  const options: ParseArgsOptionsConfig = Object.fromEntries(shape.map((key) => [toFlag(key), { type: "string" }]));
  return {
    usage: definition.usage,
    options,
    run: (values) => definition.run(definition.schema.parse(fromFlags(values))),
  };
}

const workspaceId = z.uuid("must be a workspace id (UUID)");

export const COMMANDS = {
  "create-workspace": command({
    usage: "--name N --email E --password P [--plan free|starter|pro|business] [--timeout-minutes M]",
    schema: z.object({
      name: workspaceNameSchema,
      email: emailSchema,
      password: passwordSchema,
      plan: planIdSchema.optional(),
      timeoutMinutes: timeoutMinutesSchema.optional(),
    }),
    run: async (input) => {
      const created = await createWorkspace(
        { name: input.name, plan: input.plan, timeoutMinutes: input.timeoutMinutes, apiKeyName: "Default key" },
        { kind: "new-or-existing", email: input.email, password: input.password },
      );
      return { workspaceId: created.workspaceId, userId: created.userId, apiKey: created.apiKey?.key };
    },
  }),
  "create-api-key": command({
    usage: "--workspace ID [--name N]",
    schema: z.object({ workspace: workspaceId, name: apiKeyNameSchema.default("CLI key") }),
    run: async (input) => {
      await showWorkspace(input.workspace);
      const key = await db().$transaction((tx) => createApiKey(tx, { workspaceId: input.workspace, name: input.name, actorUserId: null }));
      return { workspaceId: input.workspace, keyId: key.id, name: key.name, apiKey: key.key };
    },
  }),
  "show-workspace": command({
    usage: "--workspace ID",
    schema: z.object({ workspace: workspaceId }),
    run: (input) => showWorkspace(input.workspace),
  }),
  "add-member": command({
    usage: "--workspace ID --email E --password P --role owner|admin|viewer",
    schema: z.object({ workspace: workspaceId, email: emailSchema, password: passwordSchema, role: z.enum(["owner", "admin", "viewer"]) }),
    run: (input) => addMember({ workspaceId: input.workspace, email: input.email, password: input.password, role: input.role, actorUserId: null }),
  }),
  "grant-credits": command({
    usage: "--workspace ID --amount N --reason TEXT",
    schema: z.object({
      workspace: workspaceId,
      amount: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(10_000_000, "must be at most 10,000,000"),
      reason: z.string().trim().min(1, "give a reason").max(500),
    }),
    run: async (input) => {
      const grant = await grantCredits({ workspaceId: input.workspace, amount: input.amount, reason: input.reason, actorUserId: null });
      return { workspaceId: input.workspace, granted: input.amount, settledOverage: grant.settledOverage, balance: await balanceOf(input.workspace) };
    },
  }),
  "show-balance": command({
    usage: "--workspace ID",
    schema: z.object({ workspace: workspaceId }),
    run: async (input) => {
      await showWorkspace(input.workspace);
      return { workspaceId: input.workspace, ...(await balanceOf(input.workspace)) };
    },
  }),
} satisfies Record<string, Command>;

async function balanceOf(workspaceId: string) {
  const balance = await readBalance(pool(), workspaceId);
  const { rows } = await pool().query<{ sum: number }>(`SELECT coalesce(sum(amount), 0)::int AS sum FROM ledger_entries WHERE workspace_id = $1`, [workspaceId]);
  return { ...balance, ledgerSum: rows[0]?.sum ?? 0 };
}

export type CommandName = keyof typeof COMMANDS;

export function toFlag(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function fromFlags(values: Values): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([flag, value]) => [flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()), value]));
}
