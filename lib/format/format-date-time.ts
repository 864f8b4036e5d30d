/** A date and time as people of `locale` write it, in the workspace's time zone. */
export function formatDateTime(date: Date, timeZone: string, locale = "en"): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "medium", timeStyle: "short" }).format(date);
}
