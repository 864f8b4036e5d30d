"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";

const TABS = [
  { href: "/dashboard/insights", key: "pricing" },
  { href: "/dashboard/insights/timeout", key: "timeout" },
  { href: "/dashboard/insights/forecast", key: "forecast" },
  { href: "/dashboard/insights/patterns", key: "patterns" },
] as const;

/** The insights views; links keep the chosen range so switching views compares the same days. */
export function InsightsTabs() {
  const t = useTranslations("insights.tabs");
  const pathname = usePathname();
  const params = new URLSearchParams();
  const searchParams = useSearchParams();
  for (const name of ["from", "to"]) {
    const value = searchParams.get(name);
    if (value) params.set(name, value);
  }
  const search = params.size ? `?${params.toString()}` : "";
  return (
    <nav aria-label={t("label")} className="flex gap-1 overflow-x-auto border-b border-slate-200">
      {TABS.map((tab) => {
        const active = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={`${tab.href}${search}`}
            aria-current={active ? "page" : undefined}
            className={`whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {t(tab.key)}
          </Link>
        );
      })}
    </nav>
  );
}
