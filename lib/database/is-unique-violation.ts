import { Prisma } from "@/lib/generated/prisma/client";

/** True for a unique-key violation, whether it came through Prisma or straight from pg. */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P2002";
  return typeof error === "object" && error !== null && "code" in error && error.code === "23505";
}
