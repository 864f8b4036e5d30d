"use server";

import { cookies } from "next/headers";
import { LOCALE_COOKIE, isLocale } from "@/lib/i18n/config";
import { cookieOptions } from "@/lib/http/cookie-options";

/** Remembers the chosen language for a year; any visitor may choose. */
export async function chooseLocale(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, cookieOptions());
}
