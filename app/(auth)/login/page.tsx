import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("login.metaTitle") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const t = await getTranslations("auth");
  // Only same-site paths: an absolute URL here would be an open redirect.
  const next = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/dashboard";
  return (
    <>
      <h1 className="text-lg font-semibold">{t("login.title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("login.subtitle")}</p>
      <LoginForm callbackUrl={next} />
      <p className="mt-6 text-center text-sm text-slate-600">
        {t("login.newHere")}{" "}
        <Link href="/signup" className="font-semibold text-brand-600 hover:underline">
          {t("login.createAccount")}
        </Link>
      </p>
    </>
  );
}
