import { z } from "zod";
import { PLAN_IDS, type PlanId } from "@/lib/credits/plans";

export const TIMEOUT_MINUTES = { min: 1, max: 1440, default: 30 } as const;

export const timeoutMinutesSchema = z.coerce
  .number({ message: "Enter a number of minutes." })
  .int("Use whole minutes.")
  .min(TIMEOUT_MINUTES.min, `Use at least ${TIMEOUT_MINUTES.min} minute.`)
  .max(TIMEOUT_MINUTES.max, `Use at most ${TIMEOUT_MINUTES.max} minutes (24 hours).`);

export const timeZoneSchema = z.string().trim().refine(isTimeZone, "Choose a valid time zone, such as Europe/Paris.");

export const workspaceNameSchema = z.string().trim().min(1, "Name your workspace.").max(100, "Use at most 100 characters.");

export const planIdSchema = z.enum(PLAN_IDS as [PlanId, ...PlanId[]], { message: `Plan must be one of ${PLAN_IDS.join(", ")}.` });

export const MESSAGE_RETENTION_DAYS = { min: 1, max: 3650 } as const;

/** Days message texts are kept; an empty field means for ever (null). Left out: unchanged. */
export const messageRetentionDaysSchema = z.preprocess(
  (value) => (value === "" || value === null ? null : value),
  z.coerce
    .number({ message: "Enter a number of days, or leave it empty to keep texts." })
    .int("Use whole days.")
    .min(MESSAGE_RETENTION_DAYS.min, `Keep texts at least ${MESSAGE_RETENTION_DAYS.min} day.`)
    .max(MESSAGE_RETENTION_DAYS.max, `Use at most ${MESSAGE_RETENTION_DAYS.max} days (10 years).`)
    .nullable(),
);

export const workspaceSettingsSchema = z.object({
  name: workspaceNameSchema,
  timeoutMinutes: timeoutMinutesSchema,
  timeZone: timeZoneSchema,
  messageRetentionDays: messageRetentionDaysSchema.optional(),
});
export type WorkspaceSettingsInput = z.infer<typeof workspaceSettingsSchema>;

export const createWorkspaceSchema = z.object({ name: workspaceNameSchema });

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}
