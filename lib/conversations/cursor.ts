import { AppError } from "@/lib/errors";

export interface Cursor {
  startedAt: Date;
  id: string;
}

/** Opaque keyset position: the last row's start time (with microseconds kept by ISO) and id. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.startedAt.toISOString()}|${cursor.id}`).toString("base64url");
}

export function decodeCursor(value: string): Cursor {
  const [iso, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const startedAt = new Date(iso ?? "");
  if (!id || Number.isNaN(startedAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError({ code: "validation_failed", message: "cursor is not valid; use nextCursor from a previous page.", issues: [{ field: "cursor", message: "invalid" }] });
  }
  return { startedAt, id };
}
