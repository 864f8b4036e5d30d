import { timeoutMinutesSchema } from "@/lib/workspaces/schemas";

/** The timeout typed into the what-if (same bounds as the workspace setting), or null when absent or invalid. */
export function parseCustomTimeout(raw: string | string[] | undefined): number | null {
  const parsed = timeoutMinutesSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  return parsed.success ? parsed.data : null;
}
