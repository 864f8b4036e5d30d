export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "rate_limited"
  | "unavailable"
  | "internal";

export interface FieldIssue {
  field: string;
  message: string;
  index?: number;
}

/**
 * The one error type the domain throws. `code` is stable and part of the API contract;
 * lib/http/error-response.ts maps it to an HTTP status in one place.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(options: { code: ErrorCode; message: string; issues?: FieldIssue[]; retryAfterSeconds?: number }) {
    super(options.message);
    this.name = "AppError";
    this.code = options.code;
    this.issues = options.issues;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function notFound(what: string): AppError {
  return new AppError({ code: "not_found", message: `${what} not found.` });
}
