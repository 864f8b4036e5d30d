"use client";

import { useTranslations } from "next-intl";
import type { Role } from "@/lib/workspaces/roles";

interface WorkspaceOption {
  id: string;
  name: string;
  role: Role;
}

/** Switching goes through /dashboard/switch/:id, which checks the membership and sets the cookie. */
export function WorkspaceSwitcher({ currentId, workspaces }: { currentId: string; workspaces: WorkspaceOption[] }) {
  const t = useTranslations("nav");
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{t("workspace")}</span>
      <select
        aria-label={t("workspace")}
        value={currentId}
        onChange={(event) => window.location.assign(`/dashboard/switch/${event.target.value}`)}
        className="max-w-56 rounded-md border-0 bg-slate-50 py-1.5 pl-2 pr-8 text-sm font-medium ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
      >
        {workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {t("workspaceOption", { name: workspace.name, role: t(`roles.${workspace.role}`) })}
          </option>
        ))}
      </select>
    </label>
  );
}
