"use server";

import { revalidatePath } from "next/cache";
import { requireEnv } from "@/lib/env";
import { workspaceAction } from "@/lib/actions/workspace-action";
import { createPackCheckout } from "@/lib/billing/create-pack-checkout";
import { completeLocalCheckout } from "@/lib/billing/complete-local-checkout";
import { setOveragePolicy } from "@/lib/billing/set-overage-policy";
import { startPlanChange } from "@/lib/billing/start-plan-change";
import { buyPackSchema, changePlanSchema, checkoutSessionIdSchema, overagePolicySchema } from "@/lib/billing/schemas";

export const buyPack = workspaceAction({ schema: buyPackSchema, role: "admin" }, ({ packId }, context) =>
  createPackCheckout({ workspaceId: context.workspace.id, userId: context.user.id, packId, baseUrl: requireEnv("NEXTAUTH_URL") }),
);

export const confirmLocalCheckout = workspaceAction({ schema: checkoutSessionIdSchema, role: "admin" }, async ({ sessionId }, context) => {
  await completeLocalCheckout(context.workspace.id, sessionId);
  revalidatePath("/dashboard", "layout");
  return { done: true };
});

export const changePlan = workspaceAction({ schema: changePlanSchema, role: "admin" }, async ({ planId }, context) => {
  const result = await startPlanChange({ workspaceId: context.workspace.id, planId, baseUrl: requireEnv("NEXTAUTH_URL") });
  revalidatePath("/dashboard", "layout");
  return result;
});

export const saveOveragePolicy = workspaceAction({ schema: overagePolicySchema, role: "admin" }, async ({ policy }, context) => {
  await setOveragePolicy({ workspaceId: context.workspace.id, actorUserId: context.user.id, policy });
  revalidatePath("/dashboard/billing");
  return { policy };
});
