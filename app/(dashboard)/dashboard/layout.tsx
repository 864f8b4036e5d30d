import Link from "next/link";
import type { ReactNode } from "react";
import { LocaleSwitcher } from "@/components/locale/locale-switcher";
import { requireWorkspaceContext } from "@/lib/auth/current-workspace";
import { getFormatter } from "next-intl/server";
import { readNotifications } from "@/lib/alerts/notifications";
import { DashboardNav } from "./dashboard-nav";
import { NotificationBell } from "./notification-bell";
import { SignOutButton } from "./sign-out-button";
import { WorkspaceSwitcher } from "./workspace-switcher";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const context = await requireWorkspaceContext();
  const [notifications, format] = await Promise.all([readNotifications(context.workspace.id), getFormatter()]);
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
          <Link href="/dashboard" className="text-lg font-bold tracking-tight">
            Convo<span className="text-brand-600">meter</span>
          </Link>
          <WorkspaceSwitcher
            currentId={context.workspace.id}
            workspaces={context.memberships.map((m) => ({ id: m.workspace.id, name: m.workspace.name, role: m.role }))}
          />
          <div className="ml-auto flex items-center gap-3">
            <span className="hidden text-sm text-slate-600 sm:inline" data-testid="signed-in-as">
              {context.user.email}
            </span>
            <NotificationBell
              unread={notifications.unread}
              items={notifications.items.map((item) => ({
                id: item.id,
                title: item.title,
                body: item.body,
                unread: item.readAt === null,
                at: format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone: context.workspace.timeZone }),
              }))}
            />
            <LocaleSwitcher />
            <SignOutButton />
          </div>
        </div>
        <DashboardNav />
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">{children}</main>
    </div>
  );
}
