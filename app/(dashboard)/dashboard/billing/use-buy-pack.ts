"use client";

import { useState } from "react";
import { buyPack } from "./actions";

/** Starts a pack checkout and goes to it; the pack being opened and any error, for the buttons that offer packs. */
export function useBuyPack() {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function buy(packId: string) {
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

  return { pending, error, buy };
}
