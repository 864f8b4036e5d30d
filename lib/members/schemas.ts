import { z } from "zod";
import { emailSchema, passwordSchema } from "@/lib/auth/schemas";

export const roleSchema = z.enum(["owner", "admin", "viewer"], { message: "Choose owner, admin or viewer." });

export const inviteMemberSchema = z.object({ email: emailSchema, role: roleSchema });
export const changeRoleSchema = z.object({ userId: z.uuid(), role: roleSchema });
export const removeMemberSchema = z.object({ userId: z.uuid() });
export const revokeInvitationSchema = z.object({ invitationId: z.uuid() });
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
export const acceptWithNewAccountSchema = z.object({ token: invitationTokenSchema, password: passwordSchema, name: z.string().trim().max(100).optional() });
