"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formValues, issuesByField } from "@/components/ui/form-data";
import { saveWorkspaceSettings } from "./actions";

interface Settings {
  name: string;
  timeoutMinutes: number;
  timeZone: string;
}

export function WorkspaceSettingsForm({ initial, disabled, timeZones }: { initial: Settings; disabled: boolean; timeZones: string[] }) {
  const [status, setStatus] = useState<{ tone: "success" | "error"; message: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const result = await saveWorkspaceSettings(formValues(event.currentTarget));
    setPending(false);
    setFieldErrors(result.ok ? {} : issuesByField(result.error.issues));
    setStatus(result.ok ? { tone: "success", message: "Settings saved." } : { tone: "error", message: result.error.message });
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
      <fieldset disabled={disabled} className="contents">
        <Field label="Workspace name" name="name" defaultValue={initial.name} required error={fieldErrors.name} className="sm:col-span-2" />
        <Field
          label="Inactivity timeout (minutes)"
          name="timeoutMinutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={1440}
          defaultValue={initial.timeoutMinutes}
          required
          error={fieldErrors.timeoutMinutes}
          hint="A conversation ends after this long without a customer or bot message; the next message starts a new, separately billed conversation. Applies to gaps from now on."
        />
        <div>
          <Field label="Time zone" name="timeZone" list="time-zones" defaultValue={initial.timeZone} required error={fieldErrors.timeZone} hint="Used for dates, daily charts and monthly periods." />
          <datalist id="time-zones">
            {timeZones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </div>
        <div className="flex items-center gap-3 sm:col-span-2">
          <Button type="submit" disabled={pending || disabled}>
            {pending ? "Saving…" : "Save settings"}
          </Button>
          {status ? <Alert tone={status.tone}>{status.message}</Alert> : null}
        </div>
      </fieldset>
    </form>
  );
}
