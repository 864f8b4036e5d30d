"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { saveOveragePolicy } from "./actions";

const OPTIONS = [
  { value: "continue", label: "Keep the bot working", detail: "Conversations beyond your credits are served and counted as overage; your next pack pays it off first." },
  { value: "pause", label: "Pause new conversations", detail: "Conversations beyond your credits are recorded but not charged, and the API answers allowed: false so your bot can hand over to a human." },
] as const;

export function OveragePolicyForm({ current, disabled }: { current: "continue" | "pause"; disabled: boolean }) {
  const [policy, setPolicy] = useState(current);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  async function onChange(next: "continue" | "pause") {
    setPolicy(next);
    const result = await saveOveragePolicy({ policy: next });
    setMessage(result.ok ? { tone: "success", text: "Saved." } : { tone: "error", text: result.error.message });
    if (!result.ok) setPolicy(current);
  }

  return (
    <fieldset disabled={disabled} className="space-y-3">
      <legend className="sr-only">Overage policy</legend>
      {OPTIONS.map((option) => (
        <label key={option.value} className="flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-slate-200 has-[:checked]:ring-brand-500">
          <input type="radio" name="overagePolicy" value={option.value} checked={policy === option.value} onChange={() => onChange(option.value)} className="mt-1" />
          <span>
            <span className="block text-sm font-semibold">{option.label}</span>
            <span className="block text-sm text-slate-600">{option.detail}</span>
          </span>
        </label>
      ))}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </fieldset>
  );
}
