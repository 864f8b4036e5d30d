import { randomBytes } from "node:crypto";
import { env, requireEnv } from "@/lib/env";
import { ensureAppSecret } from "@/lib/database/ensure-app-secret";

let cached: Promise<string> | undefined;

/**
 * STRIPE_WEBHOOK_SECRET, or (local checkout) a secret generated once and kept in the database, so
 * every instance verifies the events the others sign.
 */
export function webhookSecret(): Promise<string> {
  const configured = env().STRIPE_WEBHOOK_SECRET;
  if (configured) return Promise.resolve(configured);
  cached ??= ensureAppSecret(requireEnv("DATABASE_URL"), "stripe_webhook_secret", () => `whsec_${randomBytes(24).toString("base64url")}`).catch(
    (error: unknown) => {
      cached = undefined;
      throw error;
    },
  );
  return cached;
}
