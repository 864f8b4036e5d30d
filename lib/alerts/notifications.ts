import { db, pool } from "@/lib/db";
import { readWorkspaceBilling } from "@/lib/credits/billing-period";

/** The bell: the latest notifications and how many are unread. */
export async function readNotifications(workspaceId: string) {
  const [items, unread] = await Promise.all([
    db().notification.findMany({ where: { workspaceId }, orderBy: { id: "desc" }, take: 10, select: { id: true, title: true, body: true, createdAt: true, readAt: true } }),
    db().notification.count({ where: { workspaceId, readAt: null } }),
  ]);
  return { items: items.map((item) => ({ ...item, id: item.id.toString() })), unread };
}

export async function markNotificationsRead(workspaceId: string): Promise<void> {
  await db().notification.updateMany({ where: { workspaceId, readAt: null }, data: { readAt: new Date() } });
}

/** The overview banner: the latest threshold that fired in the current period and is still crossed. */
export async function readActiveAlert(workspaceId: string): Promise<{ title: string } | null> {
  const billing = await readWorkspaceBilling(pool(), workspaceId, { lock: false });
  const { rows } = await pool().query<{ title: string }>(
    `SELECT n.title FROM notifications n JOIN alert_rules r ON r.id = n.rule_id
      WHERE n.workspace_id = $1 AND r.fired_period = $2 AND r.enabled AND n.created_at >= $2
      ORDER BY n.id DESC LIMIT 1`,
    [workspaceId, billing.periodStart],
  );
  return rows[0] ?? null;
}

/** The outbox page: every alert message with its delivery attempts, newest first. */
export async function readOutbox(workspaceId: string) {
  const messages = await db().outboxMessage.findMany({
    where: { workspaceId },
    orderBy: { id: "desc" },
    take: 100,
    select: {
      id: true,
      channel: true,
      recipient: true,
      subject: true,
      body: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      deliveries: { orderBy: { id: "asc" }, select: { attempt: true, statusCode: true, error: true, at: true } },
    },
  });
  return messages.map((message) => ({ ...message, id: message.id.toString() }));
}
