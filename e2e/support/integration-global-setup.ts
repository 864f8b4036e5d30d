import type { TestProject } from "vitest/node";
import { startTestApp, startTestDatabase } from "./test-environment";

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    databaseUrl: string;
    adminDatabaseUrl: string;
  }
}

/**
 * Uses the app and database that `npm test` started (CONVOMETER_TEST_APP_URL, _DATABASE_URL,
 * _ADMIN_URL), or starts its own when the suite runs alone.
 */
export default async function setup(project: TestProject) {
  const { CONVOMETER_TEST_APP_URL: appUrl, CONVOMETER_TEST_DATABASE_URL: databaseUrl, CONVOMETER_TEST_ADMIN_URL: adminUrl } = process.env;
  if (appUrl && databaseUrl && adminUrl) {
    project.provide("appUrl", appUrl);
    project.provide("databaseUrl", databaseUrl);
    project.provide("adminDatabaseUrl", adminUrl);
    return;
  }
  const database = await startTestDatabase();
  const app = await startTestApp(database.url);
  project.provide("appUrl", app.url);
  project.provide("databaseUrl", database.url);
  project.provide("adminDatabaseUrl", database.adminUrl);
  return async () => {
    await app.stop();
    await database.stop();
  };
}
