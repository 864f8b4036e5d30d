"use client";

import { useTranslations } from "next-intl";
import { ErrorNote } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useBuyPack } from "../../billing/use-buy-pack";

/** One click to the checkout of the pack the advice suggests (the billing page's purchase action). */
export function BuySuggestedPack({ packId, size }: { packId: string; size: number }) {
  const t = useTranslations("insights.forecast");
  const { pending, error, buy } = useBuyPack();
  return (
    <div>
      <Button onClick={() => buy(packId)} disabled={pending !== null} data-testid="buy-suggested-pack">
        {t("buySuggested", { size })}
      </Button>
      <ErrorNote message={error} />
    </div>
  );
}
