import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getWorkspaceContext } from "@/lib/auth/current-workspace";

export default async function HomePage() {
  if (await getWorkspaceContext()) redirect("/dashboard");
  const t = await getTranslations("common");
  return (
    <main className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center px-6 py-16">
      <p className="text-xl font-bold tracking-tight">
        Convo<span className="text-brand-600">meter</span>
      </p>
      <h1 className="mt-6 text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">{t("landing.headline")}</h1>
      <p className="mt-4 text-lg text-slate-600">{t("landing.intro")}</p>
      <div className="mt-8 flex gap-3">
        <Link href="/signup" className="rounded-md bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700">
          {t("landing.createAccount")}
        </Link>
        <Link href="/login" className="rounded-md bg-white px-4 py-2.5 text-sm font-semibold text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50">
          {t("landing.signIn")}
        </Link>
      </div>
    </main>
  );
}
