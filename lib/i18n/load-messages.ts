import type { Locale } from "@/lib/i18n/config";

/** One catalogue file per area of the app, so areas can be translated independently. */
export const NAMESPACES = ["common", "auth", "nav", "settings", "billing", "overview", "history", "testChat", "members", "alerts", "audit", "insights"] as const;

export type Messages = Record<string, unknown>;

export async function loadMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    NAMESPACES.map(async (namespace) => [namespace, (await import(`./messages/${locale}/${namespace}.json`)).default as Messages] as const),
  );
  return Object.fromEntries(entries);
}
