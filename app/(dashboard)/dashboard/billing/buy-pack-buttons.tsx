"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { buyPack } from "./actions";

interface PackOffer {
  id: string;
  conversations: number;
  price: string;
}

export function BuyPackButtons({ packs, disabled }: { packs: PackOffer[]; disabled: boolean }) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function onBuy(packId: string) {
    setPending(packId);
    setError(null);
    const result = await buyPack({ packId });
    if (result.ok) {
      window.location.assign(result.data.url);
      return;
    }
    setError(result.error.message);
    setPending(null);
  }

  return (
    <div>
      <div className="grid gap-3 sm:grid-cols-3">
        {packs.map((pack) => (
          <div key={pack.id} className="flex flex-col rounded-lg p-4 ring-1 ring-slate-200">
            <p className="text-lg font-semibold">{pack.conversations.toLocaleString("en")} conversations</p>
            <p className="text-sm text-slate-600">{pack.price} · never expires</p>
            <Button className="mt-3" disabled={disabled || pending !== null} onClick={() => onBuy(pack.id)} aria-label={`Buy ${pack.id}`}>
              {pending === pack.id ? "Opening checkout…" : "Buy"}
            </Button>
          </div>
        ))}
      </div>
      {error ? (
        <div className="mt-3">
          <Alert tone="error">{error}</Alert>
        </div>
      ) : null}
    </div>
  );
}
