import { inject } from "vitest";

// lib/db reads DATABASE_URL on first use: tests that check rows directly use the app's database.
process.env.DATABASE_URL = inject("databaseUrl");
