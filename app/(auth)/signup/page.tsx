import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PLANS } from "@/lib/credits/plans";
import { SignupForm } from "./signup-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signup.metaTitle") };
}

export default async function SignupPage() {
  const t = await getTranslations("auth");
  return (
    <>
      <h1 className="text-lg font-semibold">{t("signup.title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("signup.subtitle", { count: PLANS.free.includedConversations })}</p>
      <SignupForm />
      <p className="mt-6 text-center text-sm text-slate-600">
        {t("signup.haveAccount")}{" "}
        <Link href="/login" className="font-semibold text-brand-600 hover:underline">
          {t("signup.signIn")}
        </Link>
      </p>
    </>
  );
}
