// npm run migrate: apply pending migrations to DATABASE_URL (or the embedded database).
import { applyMigrations } from "@/lib/database/migrate";
import { resolveDatabase } from "@/lib/database/resolve-database";

const database = await resolveDatabase();
try {
  const applied = await applyMigrations(database.url);
  console.log(JSON.stringify({ applied }));
} finally {
  await database.release();
}
