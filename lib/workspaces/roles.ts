import type { Role } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

export type { Role };

const RANK: Record<Role, number> = { viewer: 0, admin: 1, owner: 2 };

export function hasRole(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/** Viewers read; admins and owners change settings and buy. */
export function assertRole(role: Role, minimum: Role): void {
  if (!hasRole(role, minimum)) {
    throw new AppError({ code: "forbidden", message: `This needs the ${minimum} role; you are a ${role} of this workspace.` });
  }
}
