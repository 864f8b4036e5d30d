import { z } from "zod";
import { emailSchema } from "@/lib/auth/schemas";

const threshold = z.coerce.number({ message: "Enter a number." }).int("Use a whole number.").min(0).max(10_000_000);

export const alertRuleSchema = z
  .object({ kind: z.enum(["percent_used", "remaining_below"]), threshold, enabled: z.coerce.boolean().default(true) })
  .refine((rule) => rule.kind !== "percent_used" || (rule.threshold >= 1 && rule.threshold <= 100), { message: "Use a percentage from 1 to 100.", path: ["threshold"] });
export const updateAlertRuleSchema = z.object({ ruleId: z.uuid() }).and(alertRuleSchema);
export const deleteAlertRuleSchema = z.object({ ruleId: z.uuid() });

const recipients = z
  .string()
  .max(2_000)
  .transform((text) => text.split(/[,;\s]+/).map((part) => part.trim()).filter(Boolean))
  .pipe(z.array(emailSchema).max(20, "At most 20 recipients."));

const webhookUrl = z
  .string()
  .trim()
  .max(2_000)
  .refine((value) => value === "" || /^https?:\/\//.test(value), "Use an http:// or https:// URL.")
  .pipe(z.union([z.literal(""), z.url("Enter a valid URL.")]));

export const alertChannelsSchema = z.object({ emails: recipients, webhookUrl, locale: z.enum(["en", "fr"]) });
export const testAlertSchema = z.object({ channel: z.enum(["email", "webhook", "in_app"]) });
