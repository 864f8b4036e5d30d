import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * Returns the named secret, generating and storing it on first use. The insert races safely:
 * two instances starting together both read back the one value that won.
 */
export async function ensureAppSecret(databaseUrl: string, name: string, generate = () => randomBytes(32).toString("base64url")): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING", [name, generate()]);
    const { rows } = await client.query<{ value: string }>("SELECT value FROM app_secrets WHERE name = $1", [name]);
    const value = rows[0]?.value;
    if (!value) throw new Error(`Could not store the ${name} secret.`);
    return value;
  } finally {
    await client.end();
  }
}
