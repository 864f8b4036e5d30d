"use client";

interface WorkspaceOption {
  id: string;
  name: string;
  role: string;
}

/** Switching goes through /dashboard/switch/:id, which checks the membership and sets the cookie. */
export function WorkspaceSwitcher({ currentId, workspaces }: { currentId: string; workspaces: WorkspaceOption[] }) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Workspace</span>
      <select
        aria-label="Workspace"
        value={currentId}
        onChange={(event) => window.location.assign(`/dashboard/switch/${event.target.value}`)}
        className="max-w-56 rounded-md border-0 bg-slate-50 py-1.5 pl-2 pr-8 text-sm font-medium ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600"
      >
        {workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name} ({workspace.role})
          </option>
        ))}
      </select>
    </label>
  );
}
