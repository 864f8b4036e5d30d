import { db } from "@/lib/db";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditRow {
  id: string;
  action: string;
  actorEmail: string | null;
  details: unknown;
  createdAt: Date;
}

/** One page of a workspace's audit log, newest first; `before` is the last id of the previous page. */
export async function listAuditEntries(workspaceId: string, before?: bigint): Promise<{ entries: AuditRow[]; nextBefore: string | null }> {
  const rows = await db().auditEntry.findMany({
    where: { workspaceId, ...(before ? { id: { lt: before } } : {}) },
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: { id: true, action: true, actorUserId: true, details: true, createdAt: true },
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const actorIds = [...new Set(page.flatMap((row) => (row.actorUserId ? [row.actorUserId] : [])))];
  const actors = actorIds.length ? await db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } }) : [];
  const emails = new Map(actors.map((actor) => [actor.id, actor.email]));
  return {
    entries: page.map((row) => ({
      id: row.id.toString(),
      action: row.action,
      actorEmail: row.actorUserId ? (emails.get(row.actorUserId) ?? null) : null,
      details: row.details,
      createdAt: row.createdAt,
    })),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? (page.at(-1)?.id.toString() ?? null) : null,
  };
}
