"use client";

import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmLocalCheckout } from "../../actions";

export function ConfirmLocalCheckout({ sessionId }: { sessionId: string }) {
  const t = useTranslations("billing.checkout");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onConfirm() {
    setPending(true);
    const result = await confirmLocalCheckout({ sessionId });
    if (result.ok) {
      window.location.assign("/dashboard/billing?purchase=success");
      return;
    }
    setError(result.error.message);
    setPending(false);
  }

  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex items-center gap-3">
        <Button onClick={onConfirm} disabled={pending}>
          {pending ? t("paying") : t("pay")}
        </Button>
        <Link href="/dashboard/billing?purchase=cancelled" className="text-sm font-semibold text-slate-600 hover:underline">
          {t("cancel")}
        </Link>
      </div>
    </div>
  );
}
