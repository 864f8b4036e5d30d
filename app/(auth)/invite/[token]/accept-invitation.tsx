"use client";

import { useTranslations } from "next-intl";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formValues } from "@/components/ui/form-data";
import { acceptAsSignedInUser, acceptWithNewAccount } from "./actions";

export function AcceptInvitation({ token, email, mode }: { token: string; email: string; mode: "signed-in" | "new-account" }) {
  const t = useTranslations("members");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    const values = formValues(event.currentTarget);
    const result = mode === "signed-in" ? await acceptAsSignedInUser(token) : await acceptWithNewAccount({ token, password: values.password, name: values.name || undefined });
    if (!result.ok) {
      setError(result.error.issues?.[0]?.message ?? result.error.message);
      setPending(false);
      return;
    }
    if (mode === "new-account") await signIn("credentials", { email, password: values.password, redirect: false });
    window.location.assign("/dashboard");
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {mode === "new-account" ? (
        <>
          <p className="text-sm font-medium">{t("createAccountToAccept")}</p>
          <Field label={t("yourName")} name="name" autoComplete="name" />
          <Field label={t("password")} name="password" type="password" autoComplete="new-password" hint={t("passwordHint")} required />
        </>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {t("accept")}
      </Button>
    </form>
  );
}
