"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const LINKS = [
  { href: "/dashboard", key: "overview" },
  { href: "/dashboard/conversations", key: "conversations" },
  { href: "/dashboard/billing", key: "billing" },
  { href: "/dashboard/insights", key: "insights" },
  { href: "/dashboard/test-chat", key: "testChat" },
  { href: "/dashboard/settings", key: "settings" },
] as const;

export function DashboardNav() {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2 sm:px-4">
      {LINKS.map((link) => {
        const active = link.href === "/dashboard" ? pathname === link.href : pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={`whitespace-nowrap border-b-2 px-3 py-2.5 text-sm font-medium ${active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {t(`links.${link.key}`)}
          </Link>
        );
      })}
    </nav>
  );
}
