import type { ReactNode } from "react";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { InsightsTabs } from "./insights-tabs";

export default async function InsightsLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("insights");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </div>
      <Suspense>
        <InsightsTabs />
      </Suspense>
      {children}
    </div>
  );
}
