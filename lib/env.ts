import { z } from "zod";

// The one place that reads process.env. Everything else imports `env()` or `requireEnv()`.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL").optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** Longest a statement may run or wait for a lock before the request fails with 503. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  /** Tests only: where the Stripe SDK sends requests (a local double), e.g. http://127.0.0.1:12111. */
  STRIPE_API_BASE: z.string().url().optional(),
  STRIPE_PRICE_PACK_100: z.string().optional(),
  STRIPE_PRICE_PACK_500: z.string().optional(),
  STRIPE_PRICE_PACK_2000: z.string().optional(),
  STRIPE_PRICE_STARTER: z.string().optional(),
  STRIPE_PRICE_PRO: z.string().optional(),
  STRIPE_PRICE_BUSINESS: z.string().optional(),
  PACK_100_PRICE_CENTS: z.coerce.number().int().positive().default(900),
  PACK_500_PRICE_CENTS: z.coerce.number().int().positive().default(3_900),
  PACK_2000_PRICE_CENTS: z.coerce.number().int().positive().default(12_900),
  PLAN_STARTER_PRICE_CENTS: z.coerce.number().int().positive().default(2_900),
  PLAN_PRO_PRICE_CENTS: z.coerce.number().int().positive().default(9_900),
  PLAN_BUSINESS_PRICE_CENTS: z.coerce.number().int().positive().default(39_900),
  BILLING_CURRENCY: z.string().length(3).default("eur"),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default("Convometer <alerts@convometer.local>"),
  /** How often each instance looks for alert e-mails and webhooks to send. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(1_000),
  /** First retry delay of a failed delivery; doubles on each further try. */
  OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
  /** How often each instance erases message texts older than their workspace's retention setting. */
  RETENTION_PURGE_INTERVAL_MS: z.coerce.number().int().min(1_000).default(60 * 60 * 1000),
  API_RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(2_000),
  API_RATE_LIMIT_BURST: z.coerce.number().positive().default(4_000),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Validated environment; throws listing every invalid variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  }
  cached = parsed.data;
  return cached;
}

type RequiredKey = "DATABASE_URL" | "NEXTAUTH_SECRET" | "NEXTAUTH_URL";

/** A variable the caller cannot work without. `npm start` and `npm run dev` set both for the embedded database. */
export function requireEnv(key: RequiredKey): string {
  const value = env()[key];
  if (!value) throw new Error(`${key} is not set. Start the app with \`npm start\`, or set it yourself.`);
  return value;
}
