import { createTranslator } from "next-intl";
import { isLocale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/load-messages";
import type englishAlerts from "@/lib/i18n/messages/en/alerts.json";

type AlertMessages = { alerts: typeof englishAlerts };

export interface AlertFacts {
  workspace: string;
  kind: "percent_used" | "remaining_below" | "test";
  threshold: number;
  used: number;
  included: number;
  percent: number;
  remaining: number;
  billingUrl: string;
}

/** Subject and body of an alert in the workspace's alert language (English or French). */
export async function alertText(locale: string, facts: AlertFacts): Promise<{ subject: string; body: string }> {
  const language = isLocale(locale) ? locale : "en";
  // Both catalogues have the same keys (lib/i18n/messages.test.ts), so the English shape types either.
  const messages = (await loadMessages(language)) as AlertMessages;
  const t = createTranslator({ locale: language, messages, namespace: "alerts" });
  const values = { workspace: facts.workspace, threshold: facts.threshold, used: facts.used, included: facts.included, percent: facts.percent, remaining: facts.remaining };
  return {
    subject: t(`subject.${facts.kind}`, values),
    body: `${t(`body.${facts.kind}`, values)}\n\n${t("cta", { url: facts.billingUrl })}`,
  };
}
