"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ErrorNote } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { changePlan } from "./actions";

interface PlanOption {
  id: string;
  name: string;
  included: number;
  price: string;
}

export function PlanPicker({ plans, current, disabled }: { plans: PlanOption[]; current: string; disabled: boolean }) {
  const t = useTranslations("billing.plan");
  const router = useRouter();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function onChoose(planId: string) {
    setPending(planId);
    setError(null);
    const result = await changePlan({ planId });
    setPending(null);
    if (!result.ok) return setError(result.error.message);
    if (result.data.url) window.location.assign(result.data.url);
    else router.refresh();
  }

  return (
    <div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {plans.map((plan) => (
          <div key={plan.id} className={`rounded-lg p-4 ring-1 ${plan.id === current ? "bg-brand-50 ring-brand-500" : "ring-slate-200"}`} data-testid={`plan-${plan.id}`}>
            <p className="font-semibold">{plan.name}</p>
            <p className="text-sm text-slate-600">
              {t("perMonth", { count: plan.included, price: plan.price })}
            </p>
            {plan.id === current ? (
              <p className="mt-3 text-sm font-medium text-brand-700">{t("current")}</p>
            ) : (
              <Button variant="secondary" className="mt-3" disabled={disabled || pending !== null} onClick={() => onChoose(plan.id)} aria-label={t("switchTo", { plan: plan.name })}>
                {pending === plan.id ? t("switching") : t("switch")}
              </Button>
            )}
          </div>
        ))}
      </div>
      <ErrorNote message={error} />
    </div>
  );
}
