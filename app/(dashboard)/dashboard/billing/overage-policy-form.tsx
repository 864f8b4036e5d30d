"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { saveOveragePolicy } from "./actions";

const OPTIONS = ["continue", "pause"] as const;

export function OveragePolicyForm({ current, disabled }: { current: "continue" | "pause"; disabled: boolean }) {
  const t = useTranslations("billing.overage");
  const [policy, setPolicy] = useState(current);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  async function onChange(next: "continue" | "pause") {
    setPolicy(next);
    const result = await saveOveragePolicy({ policy: next });
    setMessage(result.ok ? { tone: "success", text: t("saved") } : { tone: "error", text: result.error.message });
    if (!result.ok) setPolicy(current);
  }

  return (
    <fieldset disabled={disabled} className="space-y-3">
      <legend className="sr-only">{t("legend")}</legend>
      {OPTIONS.map((option) => (
        <label key={option} className="flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-slate-200 has-[:checked]:ring-brand-500">
          <input type="radio" name="overagePolicy" value={option} checked={policy === option} onChange={() => onChange(option)} className="mt-1" />
          <span>
            <span className="block text-sm font-semibold">{t(`${option}.label`)}</span>
            <span className="block text-sm text-slate-600">{t(`${option}.detail`)}</span>
          </span>
        </label>
      ))}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </fieldset>
  );
}
