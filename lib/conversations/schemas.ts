import { z } from "zod";

const booleanParam = z.enum(["true", "false"], { message: 'must be "true" or "false"' }).transform((value) => value === "true");

export const conversationFiltersSchema = z
  .strictObject({
    from: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }).optional(),
    to: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }).optional(),
    endUserId: z.string().min(1).max(256).optional(),
    channel: z.enum(["live", "test", "preview"]).optional(),
    status: z.enum(["open", "closed", "cancelled"]).optional(),
    billable: booleanParam.optional(),
    limit: z.coerce.number().int().min(1, "must be at least 1").max(200, "must be at most 200").default(50),
    cursor: z.string().max(200).optional(),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, { message: "from must not be after to", path: ["from"] });

export type ConversationFilters = z.output<typeof conversationFiltersSchema>;

export const conversationIdSchema = z.uuid();
