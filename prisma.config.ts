import { defineConfig } from "prisma/config";

// The CLI reads the URL here; the app passes it to the pg adapter in lib/db.ts.
// Migrations are plain SQL in Prisma's layout: `prisma migrate deploy` applies them where the
// schema engine exists, and scripts/migrate.ts applies the very same files everywhere else.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/convometer" },
});
