"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { createWorkspaceApiKey } from "../settings/actions";

/** Shown until the first event arrives: the events URL and a curl command that works as pasted. */
export function FirstRun({ eventsUrl, canCreateKey }: { eventsUrl: string; canCreateKey: boolean }) {
  const t = useTranslations("overview");
  const [key, setKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const command = `curl -s ${eventsUrl} \\
  -H "Authorization: Bearer ${key ?? "$CONVOMETER_API_KEY"}" \\
  -H "Content-Type: application/json" \\
  -d '{"events":[
    {"id":"hello-1","endUserId":"customer-1","role":"user","text":"Hi!"},
    {"id":"hello-2","endUserId":"customer-1","role":"assistant","text":"Hello! How can I help?"}]}'`;

  async function onCreateKey() {
    const result = await createWorkspaceApiKey({ name: t("keyName") });
    if (result.ok) setKey(result.data.key);
    else setError(result.error.message);
  }

  return (
    <Card title={t("firstRunTitle")} description={t("firstRunDescription")}>
      <p className="text-sm font-medium text-slate-700">{t("eventsUrl")}</p>
      <code className="mt-1 block break-all rounded bg-slate-100 px-2 py-1 font-mono text-sm" data-testid="events-url">
        {eventsUrl}
      </code>
      {key ? (
        <div className="mt-4">
          <Alert tone="success">{t("keyInCommand", { name: t("keyName") })}</Alert>
        </div>
      ) : null}
      {error ? (
        <div className="mt-4">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
      <pre className="mt-4 overflow-x-auto rounded-lg bg-slate-900 p-4 text-xs leading-relaxed text-slate-100" data-testid="first-run-command">
        {command}
      </pre>
      <div className="mt-3 flex flex-wrap gap-3">
        {canCreateKey && !key ? <Button onClick={onCreateKey}>{t("createKeyForCommand")}</Button> : null}
        <Button variant="secondary" onClick={() => navigator.clipboard?.writeText(command).then(() => setCopied(true))}>
          {copied ? t("copied") : t("copy")}
        </Button>
        <a href="/api/v1/openapi.json" className="self-center text-sm font-semibold text-brand-600 hover:underline">
          {t("apiDocs")}
        </a>
      </div>
    </Card>
  );
}
