"use client";

import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formValues } from "@/components/ui/form-data";
import { signInErrorMessage, type SignInErrorMessage } from "@/lib/auth/sign-in-errors";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const [error, setError] = useState<SignInErrorMessage | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const { email, password } = formValues(event.currentTarget);
    const result = await signIn("credentials", { email, password, redirect: false });
    if (result?.ok && !result.error) {
      // A full navigation so the server renders the dashboard with the new session cookie.
      window.location.assign(callbackUrl);
      return;
    }
    setError(signInErrorMessage(result?.error ?? ""));
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      {error ? <Alert tone="error">{t(`login.errors.${error.key}`, { minutes: error.minutes ?? 0 })}</Alert> : null}
      <Field label={t("fields.email")} name="email" type="email" autoComplete="email" required />
      <Field label={t("fields.password")} name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("login.submitting") : t("login.submit")}
      </Button>
    </form>
  );
}
