import { z } from "zod";

export const apiKeyNameSchema = z.string().trim().min(1, "Name the key.").max(100, "Use at most 100 characters.");

export const createApiKeySchema = z.object({ name: apiKeyNameSchema });
export const revokeApiKeySchema = z.object({ keyId: z.uuid("Unknown key.") });
