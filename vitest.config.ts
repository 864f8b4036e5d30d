import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        // Over HTTP against the production build and a fresh PostgreSQL (e2e/support/integration-setup.ts).
        extends: true,
        test: {
          name: "integration",
          include: ["e2e/api/**/*.test.ts"],
          environment: "node",
          globalSetup: ["e2e/support/integration-global-setup.ts"],
          setupFiles: ["e2e/support/integration-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
      {
        // `npm run test:faults`: crashes, database restarts and the long property runs, one file at a time.
        extends: true,
        test: {
          name: "faults",
          include: ["e2e/faults/**/*.test.ts"],
          environment: "node",
          globalSetup: ["e2e/support/integration-global-setup.ts"],
          setupFiles: ["e2e/support/integration-setup.ts"],
          testTimeout: 600_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
