import { randomBytes } from "node:crypto";
import { startLoopbackServer, type LoopbackServer } from "./loopback-server";

export interface RecordedRequest {
  method: string;
  path: string;
  /** The form-encoded body as flat `key[sub][0]` → value pairs, as the SDK sent it. */
  form: Record<string, string>;
  authorization: string | undefined;
}

/**
 * A local stand-in for the few Stripe endpoints the app calls, so tests drive the real SDK
 * (configured with host/port/protocol) without reaching Stripe.
 */
export class StripeDouble {
  readonly requests: RecordedRequest[] = [];
  readonly subscriptions = new Map<string, Record<string, unknown>>();
  private server: LoopbackServer | undefined;
  url = "";

  async start(): Promise<string> {
    this.server = await startLoopbackServer((request, body, response) => {
      const path = (request.url ?? "").split("?")[0] ?? "";
      const form = Object.fromEntries(new URLSearchParams(body));
      this.requests.push({ method: request.method ?? "", path, form, authorization: request.headers.authorization });
      const { status, json } = this.route(request.method ?? "", path, form);
      response.writeHead(status, { "content-type": "application/json", "request-id": `req_${randomBytes(6).toString("hex")}` });
      response.end(JSON.stringify(json));
    });
    this.url = this.server.origin;
    return this.url;
  }

  stop(): Promise<void> {
    return this.server?.close() ?? Promise.resolve();
  }

  private route(method: string, path: string, form: Record<string, string>): { status: number; json: unknown } {
    if (method === "POST" && path === "/v1/checkout/sessions") {
      const id = `cs_test_${randomBytes(12).toString("hex")}`;
      return { status: 200, json: { id, object: "checkout.session", mode: form.mode, url: `https://checkout.stripe.test/pay/${id}`, metadata: {}, client_reference_id: form.client_reference_id } };
    }
    if (method === "POST" && path === "/v1/billing_portal/sessions") {
      return { status: 200, json: { id: "bps_test", object: "billing_portal.session", url: "https://billing.stripe.test/session", customer: form.customer } };
    }
    const subscription = /^\/v1\/subscriptions\/([^/]+)$/.exec(path);
    if (method === "GET" && subscription?.[1] && this.subscriptions.has(subscription[1])) {
      return { status: 200, json: this.subscriptions.get(subscription[1]) };
    }
    return { status: 404, json: { error: { type: "invalid_request_error", message: `No such route in the Stripe double: ${method} ${path}` } } };
  }
}
