"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorNote } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { buyPack } from "../../billing/actions";

/** One click to the checkout of the pack the advice suggests (the billing page's purchase action). */
export function BuySuggestedPack({ packId, size }: { packId: string; size: number }) {
  const t = useTranslations("insights.forecast");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onBuy() {
    setPending(true);
    setError(null);
    const result = await buyPack({ packId });
    if (result.ok) {
      window.location.assign(result.data.url);
      return;
    }
    setError(result.error.message);
    setPending(false);
  }

  return (
    <div>
      <Button onClick={onBuy} disabled={pending} data-testid="buy-suggested-pack">
        {t("buySuggested", { size })}
      </Button>
      <ErrorNote message={error} />
    </div>
  );
}
