import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { sendOutboxMessage } from "@/lib/alerts/send-outbox-message";

export const MAX_ATTEMPTS = 5;
// A claimed message is invisible to other workers this long; a worker that dies mid-send lets it
// come back, so nothing is lost (a webhook may then arrive twice: payloads carry ids to dedupe).
const LEASE_SECONDS = 60;

interface Claimed {
  id: string;
  channel: "email" | "webhook";
  recipient: string;
  subject: string;
  body: string;
  payload: unknown;
  attempts: number;
  webhook_secret: string | null;
}

/** Sends the messages that are due, each claimed by one worker only. Returns how many it tried. */
export async function deliverDueMessages(limit = 20): Promise<number> {
  const { rows } = await pool().query<Claimed>(
    `UPDATE outbox o SET next_attempt_at = now() + make_interval(secs => ${LEASE_SECONDS}), attempts = o.attempts + 1
       FROM workspaces w
      WHERE w.id = o.workspace_id AND o.id IN (
        SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING o.id, o.channel, o.recipient, o.subject, o.body, o.payload, o.attempts, w.alert_webhook_secret AS webhook_secret`,
    [limit],
  );
  await Promise.all(rows.map(deliverOne));
  return rows.length;
}

async function deliverOne(message: Claimed): Promise<void> {
  const result = await sendOutboxMessage({ ...message, webhookSecret: message.webhook_secret });
  const error = result.outcome === "error" ? result.error : null;
  await pool().query(`INSERT INTO outbox_attempts (outbox_id, attempt, status_code, error) VALUES ($1, $2, $3, $4)`, [
    message.id,
    message.attempts,
    result.statusCode ?? null,
    error,
  ]);
  if (result.outcome !== "error") {
    await pool().query(`UPDATE outbox SET status = $2::outbox_status, sent_at = now(), last_error = NULL WHERE id = $1`, [message.id, result.outcome]);
    return;
  }
  const giveUp = message.attempts >= MAX_ATTEMPTS;
  const delayMs = env().OUTBOX_RETRY_BASE_MS * 2 ** (message.attempts - 1);
  await pool().query(
    `UPDATE outbox SET last_error = $2, status = CASE WHEN $3 THEN 'failed'::outbox_status ELSE 'pending'::outbox_status END,
            next_attempt_at = now() + make_interval(secs => $4::float8 / 1000) WHERE id = $1`,
    [message.id, error, giveUp, delayMs],
  );
}
