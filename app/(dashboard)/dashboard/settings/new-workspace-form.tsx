"use client";

import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formValues } from "@/components/ui/form-data";
import { createAnotherWorkspace } from "./actions";

export function NewWorkspaceForm() {
  const t = useTranslations("settings");
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = await createAnotherWorkspace(formValues(event.currentTarget));
    if (result.ok) window.location.assign(`/dashboard/switch/${result.data.workspaceId}`);
    else setError(result.error.issues?.[0]?.message ?? result.error.message);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate>
      <Field label={t("newWorkspace.name")} name="name" required className="min-w-60 flex-1" />
      <Button type="submit" variant="secondary">
        {t("newWorkspace.create")}
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </form>
  );
}
