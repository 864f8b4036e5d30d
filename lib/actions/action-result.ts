import type { ErrorCode, FieldIssue } from "@/lib/errors";
import { describeError } from "@/lib/http/describe-error";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string; issues?: FieldIssue[] } };

/** Runs an action body and turns any error into a result the form can show (internals stay in the log). */
export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    const { code, message, issues } = describeError(error);
    return { ok: false, error: { code, message, ...(issues ? { issues } : {}) } };
  }
}
