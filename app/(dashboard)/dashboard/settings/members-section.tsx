"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { formValues } from "@/components/ui/form-data";
import { Cell, Table } from "@/components/ui/table";
import { changeWorkspaceMemberRole, inviteWorkspaceMember, removeWorkspaceMember, revokeWorkspaceInvitation } from "./member-actions";
import { ShownOnce } from "@/components/ui/shown-once";

type Role = "owner" | "admin" | "viewer";
const ROLES: Role[] = ["owner", "admin", "viewer"];

export interface MembersData {
  members: { userId: string; email: string; name: string | null; role: Role }[];
  invitations: { id: string; email: string; role: Role; expiresAt: string }[];
}

export function MembersSection({ data, currentUserId, canManage }: { data: MembersData; currentUserId: string; canManage: boolean }) {
  const t = useTranslations("members");
  const router = useRouter();
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run<T>(action: Promise<{ ok: true; data: T } | { ok: false; error: { message: string; issues?: { message: string }[] } }>) {
    const result = await action;
    setError(result.ok ? null : (result.error.issues?.[0]?.message ?? result.error.message));
    router.refresh();
    return result;
  }

  async function onInvite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const result = await run(inviteWorkspaceMember(formValues(form)));
    if (result.ok) {
      setLink(result.data.link);
      form.reset();
    }
  }

  return (
    <div id="members">
      <Card title={t("title")} description={t("description")}>
        {canManage ? (
          <form onSubmit={onInvite} className="mb-4 flex flex-wrap items-end gap-3" noValidate>
            <Field label={t("inviteEmail")} name="email" type="email" required className="min-w-60 flex-1" />
            <label className="text-sm font-medium text-slate-700">
              {t("role")}
              <select name="role" defaultValue="viewer" className="mt-1 block rounded-md border-0 py-2 pl-2 pr-8 text-sm ring-1 ring-inset ring-slate-300">
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`roles.${role}`)}
                  </option>
                ))}
              </select>
            </label>
            <Button type="submit">{t("invite")}</Button>
          </form>
        ) : null}
        {link ? <ShownOnce title={t("linkReady")} value={link} testId="invitation-link" className="mb-4" /> : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        <Table headers={[t("member"), t("role"), ""]} caption={t("title")}>
          {data.members.map((member) => (
            <tr key={member.userId} data-testid="member-row">
              <Cell>
                <span className="font-medium">{member.email}</span>
                {member.userId === currentUserId ? <span className="text-slate-500"> · {t("you")}</span> : null}
              </Cell>
              <Cell>
                <select
                  aria-label={t("roleOf", { email: member.email })}
                  value={member.role}
                  disabled={!canManage}
                  onChange={(event) => run(changeWorkspaceMemberRole({ userId: member.userId, role: event.target.value }))}
                  className="rounded-md border-0 py-1 pl-2 pr-7 text-sm ring-1 ring-inset ring-slate-300 disabled:bg-slate-50"
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`roles.${role}`)}
                    </option>
                  ))}
                </select>
              </Cell>
              <Cell className="text-right">
                {canManage && member.userId !== currentUserId ? (
                  <Button variant="danger" onClick={() => window.confirm(t("confirmRemove", { email: member.email })) && run(removeWorkspaceMember({ userId: member.userId }))}>
                    {t("remove")}
                  </Button>
                ) : null}
              </Cell>
            </tr>
          ))}
          {data.invitations.map((invitation) => (
            <tr key={invitation.id} data-testid="invitation-row">
              <Cell>
                <span className="font-medium">{invitation.email}</span> <span className="text-slate-500">· {t("pending", { date: invitation.expiresAt })}</span>
              </Cell>
              <Cell>{t(`roles.${invitation.role}`)}</Cell>
              <Cell className="text-right">
                {canManage ? (
                  <Button variant="secondary" onClick={() => run(revokeWorkspaceInvitation({ invitationId: invitation.id }))}>
                    {t("revoke")}
                  </Button>
                ) : null}
              </Cell>
            </tr>
          ))}
        </Table>
      </Card>
    </div>
  );
}
