import { startTestApp, startTestDatabase } from "./test-environment";

/** Starts a fresh database and the production build unless `npm test` already did. */
export default async function globalSetup() {
  if (process.env.CONVOMETER_TEST_APP_URL && process.env.CONVOMETER_TEST_DATABASE_URL) return;
  const database = await startTestDatabase();
  const app = await startTestApp(database.url);
  // Workers inherit these: the config reads the base URL, fixtures the database.
  process.env.CONVOMETER_TEST_APP_URL = app.url;
  process.env.CONVOMETER_TEST_DATABASE_URL = database.url;
  return async () => {
    await app.stop();
    await database.stop();
  };
}
