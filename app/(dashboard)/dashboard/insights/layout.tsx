import type { ReactNode } from "react";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { InsightsTabs } from "./insights-tabs";

export default async function InsightsLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("insights");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("intro")} />
      <Suspense>
        <InsightsTabs />
      </Suspense>
      {children}
    </div>
  );
}
