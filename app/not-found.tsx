import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center px-6 text-center">
      <h1 className="text-2xl font-bold">{t("notFound.title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("notFound.body")}</p>
      <Link href="/dashboard" className="mt-6 text-sm font-semibold text-brand-600 hover:underline">
        {t("notFound.back")}
      </Link>
    </main>
  );
}
