"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { markAllNotificationsRead } from "./notification-actions";

export interface BellItem {
  id: string;
  title: string;
  body: string;
  at: string;
  unread: boolean;
}

/** The in-app alert channel: unread count on the bell, latest notifications in a panel. */
export function NotificationBell({ items, unread }: { items: BellItem[]; unread: number }) {
  const t = useTranslations("alerts");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <div className="relative">
      <button
        type="button"
        onClick={() => setOpen((value) => !value)}
        aria-expanded={open}
        aria-label={`${t("bell")}: ${t("unread", { count: unread })}`}
        className="relative rounded-md p-2 text-slate-600 ring-1 ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        {unread > 0 ? (
          <span data-testid="bell-count" className="absolute -right-1.5 -top-1.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-bold text-white">
            {unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div role="dialog" aria-label={t("bell")} className="absolute right-0 z-20 mt-2 w-80 max-w-[90vw] rounded-lg bg-white p-3 shadow-lg ring-1 ring-slate-200">
          {items.length === 0 ? <p className="text-sm text-slate-600">{t("noNotifications")}</p> : null}
          <ul className="max-h-80 space-y-2 overflow-y-auto">
            {items.map((item) => (
              <li key={item.id} data-testid="notification" className={`rounded-md p-2 text-sm ${item.unread ? "bg-brand-50" : ""}`}>
                <p className="font-semibold">{item.title}</p>
                <p className="text-xs text-slate-500">{item.at}</p>
              </li>
            ))}
          </ul>
          <div className="mt-2 flex items-center justify-between text-sm">
            <Link href="/dashboard/outbox" className="font-semibold text-brand-600 hover:underline">
              {t("outboxTitle")}
            </Link>
            {unread > 0 ? (
              <button
                type="button"
                className="font-semibold text-slate-600 hover:underline"
                onClick={async () => {
                  await markAllNotificationsRead({});
                  router.refresh();
                }}
              >
                {t("markRead")}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
