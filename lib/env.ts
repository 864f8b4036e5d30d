import { z } from "zod";

// The one place that reads process.env. Everything else imports `env()` or `requireEnv()`.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL").optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_WEBHOOK_SECRET: z.string().optional(),
  SMTP_URL: z.string().optional(),
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

type RequiredKey = "DATABASE_URL" | "NEXTAUTH_SECRET";

/** A variable the caller cannot work without. `npm start` and `npm run dev` set both for the embedded database. */
export function requireEnv(key: RequiredKey): string {
  const value = env()[key];
  if (!value) throw new Error(`${key} is not set. Start the app with \`npm start\`, or set it yourself.`);
  return value;
}
