"use client";

import { useTranslations } from "next-intl";
import { ErrorNote } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useBuyPack } from "./use-buy-pack";

interface PackOffer {
  id: string;
  conversations: number;
  price: string;
}

export function BuyPackButtons({ packs, disabled }: { packs: PackOffer[]; disabled: boolean }) {
  const t = useTranslations("billing.packs");
  const { pending, error, buy } = useBuyPack();

  return (
    <div>
      <div className="grid gap-3 sm:grid-cols-3">
        {packs.map((pack) => (
          <div key={pack.id} className="flex flex-col rounded-lg p-4 ring-1 ring-slate-200">
            <p className="text-lg font-semibold">{t("conversations", { count: pack.conversations })}</p>
            <p className="text-sm text-slate-600">{t("neverExpires", { price: pack.price })}</p>
            <Button className="mt-3" disabled={disabled || pending !== null} onClick={() => buy(pack.id)} aria-label={t("buyLabel", { pack: pack.id })}>
              {pending === pack.id ? t("opening") : t("buy")}
            </Button>
          </div>
        ))}
      </div>
      <ErrorNote message={error} />
    </div>
  );
}
