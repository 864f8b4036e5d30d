"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formValues, issuesByField } from "@/components/ui/form-data";
import { saveWorkspaceSettings } from "./actions";

interface Settings {
  name: string;
  timeoutMinutes: number;
  timeZone: string;
  messageRetentionDays: number | null;
}

export function WorkspaceSettingsForm({ initial, disabled, timeZones }: { initial: Settings; disabled: boolean; timeZones: string[] }) {
  const t = useTranslations("settings.workspace");
  const [status, setStatus] = useState<{ tone: "success" | "error"; message: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const result = await saveWorkspaceSettings(formValues(event.currentTarget));
    setPending(false);
    setFieldErrors(result.ok ? {} : issuesByField(result.error.issues));
    setStatus(result.ok ? { tone: "success", message: t("saved") } : { tone: "error", message: result.error.message });
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
      <fieldset disabled={disabled} className="contents">
        <Field label={t("name")} name="name" defaultValue={initial.name} required error={fieldErrors.name} className="sm:col-span-2" />
        <Field
          label={t("timeout")}
          name="timeoutMinutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={1440}
          defaultValue={initial.timeoutMinutes}
          required
          error={fieldErrors.timeoutMinutes}
          hint={t("timeoutHint")}
        />
        <div>
          <Field label={t("timeZone")} name="timeZone" list="time-zones" defaultValue={initial.timeZone} required error={fieldErrors.timeZone} hint={t("timeZoneHint")} />
          <datalist id="time-zones">
            {timeZones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </div>
        <Field
          label={t("retention")}
          name="messageRetentionDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          placeholder={t("retentionForever")}
          defaultValue={initial.messageRetentionDays ?? ""}
          error={fieldErrors.messageRetentionDays}
          hint={t("retentionHint")}
          className="sm:col-span-2"
        />
        <div className="flex items-center gap-3 sm:col-span-2">
          <Button type="submit" disabled={pending || disabled}>
            {pending ? t("saving") : t("save")}
          </Button>
          {status ? <Alert tone={status.tone}>{status.message}</Alert> : null}
        </div>
      </fieldset>
    </form>
  );
}
