"use client";

import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formValues, issuesByField } from "@/components/ui/form-data";
import { signUp } from "./actions";

export function SignupForm() {
  const t = useTranslations("auth");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const values = formValues(event.currentTarget);
    const result = await signUp(values);
    if (!result.ok) {
      setFieldErrors(issuesByField(result.error.issues));
      setError(result.error.issues ? null : result.error.code === "rate_limited" ? t("signup.rateLimited") : result.error.message);
      setPending(false);
      return;
    }
    const signedIn = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    window.location.assign(signedIn?.ok ? "/dashboard" : "/login");
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Field label={t("fields.name")} name="name" autoComplete="name" error={fieldErrors.name} />
      <Field label={t("fields.email")} name="email" type="email" autoComplete="email" required error={fieldErrors.email} />
      <Field
        label={t("fields.password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t("fields.passwordHint")}
        error={fieldErrors.password}
      />
      <Field label={t("fields.workspaceName")} name="workspaceName" placeholder={t("fields.workspacePlaceholder")} required error={fieldErrors.workspaceName} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("signup.submitting") : t("signup.submit")}
      </Button>
    </form>
  );
}
