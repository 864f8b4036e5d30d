import { startLoopbackServer, type LoopbackServer } from "./loopback-server";

export interface ReceivedWebhook {
  body: string;
  signature: string | undefined;
}

/** A local endpoint for alert webhooks: records every POST and answers with `status`. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** Deliveries answered with a 2xx: what the sender may count as delivered. */
  readonly acknowledged: ReceivedWebhook[] = [];
  status = 200;
  /** Keep requests waiting without an answer, like an endpoint that hangs. */
  hold = false;
  private server: LoopbackServer | undefined;
  url = "";

  async start(): Promise<string> {
    this.server = await startLoopbackServer((request, body, response) => {
      const signature = request.headers["x-convometer-signature"];
      const webhook = { body, signature: Array.isArray(signature) ? signature[0] : signature };
      this.received.push(webhook);
      if (this.hold) return;
      if (this.status < 300) this.acknowledged.push(webhook);
      response.writeHead(this.status).end();
    });
    this.url = `${this.server.origin}/hooks/convometer`;
    return this.url;
  }

  stop(): Promise<void> {
    return this.server?.close() ?? Promise.resolve();
  }
}

/** Polls `check` until it returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("Condition not met in time.");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
