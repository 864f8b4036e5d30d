"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { formValues } from "@/components/ui/form-data";
import { addAlertRule, editAlertRule, removeAlertRule, saveChannels, sendTest } from "./alert-actions";
import { ShownOnce } from "@/components/ui/shown-once";

type Kind = "percent_used" | "remaining_below";
export interface AlertRuleRow {
  id: string;
  kind: Kind;
  threshold: number;
  enabled: boolean;
  firedThisPeriod: boolean;
}
export interface AlertChannels {
  emails: string[];
  webhookUrl: string | null;
  locale: string;
}

type Result = { ok: true; data: unknown } | { ok: false; error: { message: string; issues?: { message: string }[] } };
const selectClass = "rounded-md border-0 py-1.5 pl-2 pr-7 text-sm ring-1 ring-inset ring-slate-300";

export function AlertsSection({ rules, channels, canManage }: { rules: AlertRuleRow[]; channels: AlertChannels; canManage: boolean }) {
  const t = useTranslations("alerts");
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [secret, setSecret] = useState<string | null>(null);

  async function run(action: Promise<Result>, success = t("saved")) {
    const result = await action;
    setMessage(result.ok ? { tone: "success", text: success } : { tone: "error", text: result.error.issues?.[0]?.message ?? result.error.message });
    router.refresh();
    return result;
  }

  function ruleValues(form: HTMLFormElement) {
    const values = formValues(form);
    return { ...values, enabled: (form.elements.namedItem("enabled") as HTMLInputElement | null)?.checked ?? true };
  }

  async function onSaveChannels(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await run(saveChannels(formValues(event.currentTarget)));
    if (result.ok && typeof result.data === "object" && result.data && "webhookSecret" in result.data) setSecret((result.data.webhookSecret as string | null) ?? null);
  }

  return (
    <div id="alerts">
      <Card title={t("title")} description={t("description")} actions={<Link href="/dashboard/outbox" className="text-sm font-semibold text-brand-600 hover:underline">{t("outboxTitle")}</Link>}>
        <fieldset disabled={!canManage} className="space-y-6">
          <div>
            <h3 className="mb-2 text-sm font-semibold">{t("rules")}</h3>
            <ul className="space-y-2">
              {rules.map((rule) => (
                <li key={rule.id} data-testid="alert-rule">
                  <form
                    className="flex flex-wrap items-center gap-2"
                    onSubmit={(event) => {
                      event.preventDefault();
                      void run(editAlertRule({ ruleId: rule.id, ...ruleValues(event.currentTarget) }));
                    }}
                  >
                    <select name="kind" defaultValue={rule.kind} aria-label={t("kind.percent_used")} className={selectClass}>
                      <option value="percent_used">{t("kind.percent_used")}</option>
                      <option value="remaining_below">{t("kind.remaining_below")}</option>
                    </select>
                    <input name="threshold" type="number" min={0} defaultValue={rule.threshold} aria-label={t("threshold")} className="w-24 rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300" />
                    <label className="flex items-center gap-1 text-sm">
                      <input type="checkbox" name="enabled" defaultChecked={rule.enabled} /> {t("enabled")}
                    </label>
                    <Button type="submit" variant="secondary">
                      {t("save")}
                    </Button>
                    <Button variant="danger" onClick={() => run(removeAlertRule({ ruleId: rule.id }))}>
                      {t("delete")}
                    </Button>
                    {rule.firedThisPeriod ? <span className="text-xs font-medium text-amber-700">{t("firedThisPeriod")}</span> : null}
                  </form>
                </li>
              ))}
            </ul>
            <form
              className="mt-3 flex flex-wrap items-center gap-2"
              onSubmit={(event) => {
                event.preventDefault();
                void run(addAlertRule(ruleValues(event.currentTarget)));
              }}
            >
              <select name="kind" defaultValue="remaining_below" aria-label={t("addRule")} className={selectClass}>
                <option value="percent_used">{t("kind.percent_used")}</option>
                <option value="remaining_below">{t("kind.remaining_below")}</option>
              </select>
              <input name="threshold" type="number" min={0} required aria-label={`${t("addRule")}: ${t("threshold")}`} className="w-24 rounded-md border-0 px-2 py-1.5 text-sm ring-1 ring-inset ring-slate-300" />
              <Button type="submit">{t("addRule")}</Button>
            </form>
          </div>

          <form onSubmit={onSaveChannels} className="grid gap-3 sm:grid-cols-2" noValidate>
            <h3 className="text-sm font-semibold sm:col-span-2">{t("channels")}</h3>
            <Field label={t("emails")} name="emails" defaultValue={channels.emails.join(", ")} hint={t("emailsHint")} className="sm:col-span-2" />
            <Field label={t("webhookUrl")} name="webhookUrl" type="url" defaultValue={channels.webhookUrl ?? ""} hint={t("webhookHint")} />
            <label className="text-sm font-medium text-slate-700">
              {t("language")}
              <select name="locale" defaultValue={channels.locale} className={`mt-1 block ${selectClass}`}>
                <option value="en">English</option>
                <option value="fr">Français</option>
              </select>
            </label>
            <div className="flex flex-wrap gap-2 sm:col-span-2">
              <Button type="submit">{t("saveChannels")}</Button>
              <Button variant="secondary" onClick={() => run(sendTest({ channel: "email" }), t("testQueued"))}>
                {t("testEmail")}
              </Button>
              <Button variant="secondary" onClick={() => run(sendTest({ channel: "webhook" }), t("testQueued"))}>
                {t("testWebhook")}
              </Button>
              <Button variant="secondary" onClick={() => run(sendTest({ channel: "in_app" }), t("testQueued"))}>
                {t("testInApp")}
              </Button>
            </div>
          </form>
          {secret ? <ShownOnce title={t("secretOnce")} value={secret} testId="webhook-secret" /> : null}
          {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        </fieldset>
      </Card>
    </div>
  );
}
