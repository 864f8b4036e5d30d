import { getTranslations } from "next-intl/server";

// A month of events is replayed on the server before the what-if renders: say so meanwhile.
export default async function InsightsLoading() {
  const t = await getTranslations("insights");
  return (
    <p role="status" className="rounded-lg bg-white p-5 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200">
      {t("loading")}
    </p>
  );
}
