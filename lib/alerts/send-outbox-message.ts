import { createHmac } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export interface OutboxMessageToSend {
  channel: "email" | "webhook";
  recipient: string;
  subject: string;
  body: string;
  payload: unknown;
  webhookSecret: string | null;
}

/** `sent`: delivered; `stored`: no SMTP configured, kept on the outbox page; else an error. */
export type SendResult = { outcome: "sent" | "stored"; statusCode?: number } | { outcome: "error"; statusCode?: number; error: string };

let transporter: Transporter | undefined;

export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export async function sendOutboxMessage(message: OutboxMessageToSend): Promise<SendResult> {
  try {
    if (message.channel === "email") {
      const smtp = env().SMTP_URL;
      if (!smtp) return { outcome: "stored" };
      transporter ??= nodemailer.createTransport(smtp, { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 });
      await transporter.sendMail({ from: env().SMTP_FROM, to: message.recipient, subject: message.subject, text: message.body });
      return { outcome: "sent" };
    }
    const body = JSON.stringify(message.payload);
    const response = await fetch(message.recipient, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Convometer-Alerts/1",
        ...(message.webhookSecret ? { "x-convometer-signature": signWebhookBody(body, message.webhookSecret) } : {}),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(5_000),
    });
    await response.body?.cancel();
    if (response.ok) return { outcome: "sent", statusCode: response.status };
    return { outcome: "error", statusCode: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    return { outcome: "error", error: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : "unknown error" };
  }
}
