import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email is too long.")
  .pipe(z.email("Enter a valid email address."));

export const passwordSchema = z
  .string()
  .min(8, "Use at least 8 characters.")
  .max(128, "Use at most 128 characters.");

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(128),
});

export const signUpSchema = z.object({
  name: z.string().trim().max(100).optional(),
  email: emailSchema,
  password: passwordSchema,
  workspaceName: z.string().trim().min(1, "Name your workspace.").max(100),
});
export type SignUpInput = z.infer<typeof signUpSchema>;
