"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { formValues } from "@/components/ui/form-data";
import { createWorkspaceApiKey, revokeWorkspaceApiKey } from "./actions";

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export function ApiKeysSection({ keys, canManage }: { keys: ApiKeyRow[]; canManage: boolean }) {
  const t = useTranslations("settings.apiKeys");
  const router = useRouter();
  const [newKey, setNewKey] = useState<{ name: string; key: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const result = await createWorkspaceApiKey(formValues(form));
    if (!result.ok) return setError(result.error.issues?.[0]?.message ?? result.error.message);
    setError(null);
    setNewKey({ name: result.data.name, key: result.data.key });
    form.reset();
    router.refresh();
  }

  async function onRevoke(key: ApiKeyRow) {
    if (!window.confirm(t("confirmRevoke", { name: key.name }))) return;
    const result = await revokeWorkspaceApiKey({ keyId: key.id });
    setError(result.ok ? null : result.error.message);
    router.refresh();
  }

  return (
    <div id="api-keys">
      <Card title={t("title")} description={t("description")}>
        {canManage ? (
          <form onSubmit={onCreate} className="mb-4 flex flex-wrap items-end gap-3" noValidate>
            <Field label={t("keyName")} name="name" placeholder={t("keyNamePlaceholder")} required className="min-w-60 flex-1" />
            <Button type="submit">{t("create")}</Button>
          </form>
        ) : null}
        {error ? <Alert tone="error">{error}</Alert> : null}
        {newKey ? <NewKeyNotice name={newKey.name} apiKey={newKey.key} /> : null}
        <ApiKeyTable keys={keys} canManage={canManage} onRevoke={onRevoke} />
      </Card>
    </div>
  );
}

function NewKeyNotice({ name, apiKey }: { name: string; apiKey: string }) {
  const t = useTranslations("settings.apiKeys");
  const [copied, setCopied] = useState(false);
  return (
    <div className="mb-4 rounded-md bg-emerald-50 p-3 ring-1 ring-emerald-200" role="status">
      <p className="text-sm font-medium text-emerald-900">{t("created", { name })}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code data-testid="new-api-key" className="break-all rounded bg-white px-2 py-1 font-mono text-sm ring-1 ring-emerald-200">
          {apiKey}
        </code>
        <Button
          variant="secondary"
          onClick={() => navigator.clipboard?.writeText(apiKey).then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
    </div>
  );
}

function ApiKeyTable({ keys, canManage, onRevoke }: { keys: ApiKeyRow[]; canManage: boolean; onRevoke: (key: ApiKeyRow) => void }) {
  const t = useTranslations("settings.apiKeys");
  if (keys.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <div className="-mx-5 overflow-x-auto sm:mx-0">
      <table className="min-w-full text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-3 py-2 font-medium">{t("columns.name")}</th>
            <th className="px-3 py-2 font-medium">{t("columns.key")}</th>
            <th className="px-3 py-2 font-medium">{t("columns.created")}</th>
            <th className="px-3 py-2 font-medium">{t("columns.lastUsed")}</th>
            <th className="px-3 py-2 font-medium">{t("columns.status")}</th>
            <th className="px-3 py-2" />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {keys.map((key) => (
            <tr key={key.id} data-testid="api-key-row">
              <td className="px-3 py-2 font-medium">{key.name}</td>
              <td className="px-3 py-2 font-mono text-xs">{key.prefix}…</td>
              <td className="px-3 py-2 whitespace-nowrap">{key.createdAt}</td>
              <td className="px-3 py-2 whitespace-nowrap">{key.lastUsedAt ?? t("never")}</td>
              <td className="px-3 py-2">
                {key.revokedAt ? <span className="text-slate-500">{t("revokedAt", { date: key.revokedAt })}</span> : <span className="text-emerald-700">{t("active")}</span>}
              </td>
              <td className="px-3 py-2 text-right">
                {canManage && !key.revokedAt ? (
                  <Button variant="danger" onClick={() => onRevoke(key)} aria-label={t("revokeLabel", { name: key.name })}>
                    {t("revoke")}
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
