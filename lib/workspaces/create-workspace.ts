import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { createApiKey, type CreatedApiKey } from "@/lib/api-keys/create-api-key";
import { recordAudit } from "@/lib/audit/record-audit";
import { isUniqueViolation } from "@/lib/database/is-unique-violation";
import type { PlanId } from "@/lib/credits/plans";

export interface NewWorkspace {
  name: string;
  plan?: PlanId;
  timeoutMinutes?: number;
  /** Name of an API key to create with the workspace, if any. */
  apiKeyName?: string;
}

type Owner =
  | { kind: "existing"; userId: string }
  | { kind: "new"; email: string; password: string; name?: string }
  /** Operator scripts: reuse the account when the email exists and the password matches. */
  | { kind: "new-or-existing"; email: string; password: string };

export interface CreatedWorkspace {
  workspaceId: string;
  userId: string;
  apiKey: CreatedApiKey | null;
}

/** Every workspace starts warned at 80 % and 100 % of its plan allowance. */
const DEFAULT_ALERT_THRESHOLDS = [80, 100];

const emailTaken = () => new AppError({ code: "conflict", message: "An account with this email already exists. Sign in instead." });

/** Creates a workspace owned by `owner` (creating the account when asked), in one transaction. */
export async function createWorkspace(workspace: NewWorkspace, owner: Owner): Promise<CreatedWorkspace> {
  const passwordHash = owner.kind === "existing" ? null : await hashPassword(owner.password);
  const existing = owner.kind === "new-or-existing" ? await findAccount(owner.email, owner.password) : null;

  try {
    return await db().$transaction(async (tx) => {
      const userId =
        owner.kind === "existing"
          ? owner.userId
          : (existing ?? (await tx.user.create({ data: newUser(owner, passwordHash ?? ""), select: { id: true } })).id);
      const created = await tx.workspace.create({
        data: { name: workspace.name, plan: workspace.plan, timeoutMinutes: workspace.timeoutMinutes },
        select: { id: true },
      });
      await tx.membership.create({ data: { workspaceId: created.id, userId, role: "owner" } });
      await tx.alertRule.createMany({ data: DEFAULT_ALERT_THRESHOLDS.map((threshold) => ({ workspaceId: created.id, kind: "percent_used" as const, threshold })) });
      await recordAudit(tx, { workspaceId: created.id, actorUserId: userId, action: "workspace.created", details: { name: workspace.name } });
      const apiKey = workspace.apiKeyName
        ? await createApiKey(tx, { workspaceId: created.id, name: workspace.apiKeyName, actorUserId: userId })
        : null;
      return { workspaceId: created.id, userId, apiKey };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

function newUser(owner: Exclude<Owner, { kind: "existing" }>, passwordHash: string) {
  return { email: owner.email, passwordHash, name: owner.kind === "new" ? (owner.name ?? null) : null };
}

async function findAccount(email: string, password: string): Promise<string | null> {
  const user = await db().user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  if (!user) return null;
  if (!(await verifyPassword(password, user.passwordHash))) {
    throw new AppError({ code: "conflict", message: `A user with email ${email} exists and the password does not match.` });
  }
  return user.id;
}
