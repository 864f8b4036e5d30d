import Stripe from "stripe";
import { env } from "@/lib/env";

let cached: Stripe | null | undefined;

/**
 * The real Stripe SDK when STRIPE_SECRET_KEY is set (pointed at STRIPE_API_BASE in tests), or null:
 * the app then offers its local test checkout instead.
 */
export function stripeClient(): Stripe | null {
  if (cached !== undefined) return cached;
  const { STRIPE_SECRET_KEY: key, STRIPE_API_BASE: base } = env();
  if (!key) return (cached = null);
  const target = base ? new URL(base) : null;
  cached = new Stripe(key, {
    maxNetworkRetries: 2,
    timeout: 10_000,
    ...(target ? { host: target.hostname, port: target.port, protocol: target.protocol === "http:" ? "http" : "https" } : {}),
  });
  return cached;
}

/** Signature checks and test signing need no API key; this instance never calls the API. */
export const stripeWebhooks = new Stripe("sk_unused_for_signatures").webhooks;
