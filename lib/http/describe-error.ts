import { ZodError } from "zod";
import { AppError, type ErrorCode, type FieldIssue } from "@/lib/errors";
import { isDatabaseUnavailable } from "@/lib/database/is-database-unavailable";
import { isUniqueViolation } from "@/lib/database/is-unique-violation";

export interface DescribedError {
  status: number;
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
  retryAfterSeconds?: number;
}

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

/** The single mapping from any thrown value to what a caller may see. Internals are logged, never shown. */
export function describeError(error: unknown): DescribedError {
  if (error instanceof AppError) {
    return {
      status: STATUS[error.code],
      code: error.code,
      message: error.message,
      issues: error.issues,
      retryAfterSeconds: error.retryAfterSeconds,
    };
  }
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({ field: issue.path.join(".") || "(body)", message: issue.message }));
    return { status: 422, code: "validation_failed", message: "Some fields are invalid.", issues };
  }
  if (isUniqueViolation(error)) return { status: 409, code: "conflict", message: "This already exists." };
  if (isDatabaseUnavailable(error)) {
    return { status: 503, code: "unavailable", message: "The database is unavailable. Retry shortly.", retryAfterSeconds: 2 };
  }
  console.error("Unexpected error", error);
  return { status: 500, code: "internal", message: "Something went wrong on our side. It has been logged." };
}
