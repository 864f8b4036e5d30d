import { z } from "zod";
import { PACK_IDS, type PackId } from "@/lib/credits/packs";
import { PLAN_IDS, type PlanId } from "@/lib/credits/plans";

export const buyPackSchema = z.object({ packId: z.enum(PACK_IDS as [PackId, ...PackId[]], { message: "Choose one of the packs." }) });
export const changePlanSchema = z.object({ planId: z.enum(PLAN_IDS as [PlanId, ...PlanId[]], { message: "Choose one of the plans." }) });
export const overagePolicySchema = z.object({ policy: z.enum(["continue", "pause"], { message: 'Choose "continue" or "pause".' }) });
export const checkoutSessionIdSchema = z.object({ sessionId: z.string().regex(/^cs_local_[A-Za-z0-9_-]{10,64}$/, "Unknown checkout.") });
