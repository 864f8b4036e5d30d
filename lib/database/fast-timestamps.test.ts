import pg from "pg";
import { describe, expect, it } from "vitest";
import { parseTimestamptz } from "./fast-timestamps";

const reference = pg.types.getTypeParser(1184, "text") as (text: string) => Date;

describe("parseTimestamptz", () => {
  it("reads PostgreSQL's UTC output exactly as pg's own parser does", () => {
    for (const text of [
      "2026-11-03 12:34:56+00",
      "2026-11-03 12:34:56.7+00",
      "2026-11-03 12:34:56.78+00",
      "2026-11-03 12:34:56.789+00",
      "2024-02-29 23:59:59.999+00",
      "1970-01-01 00:00:00+00",
      "2099-12-31 00:00:00.001+00",
    ]) {
      expect(parseTimestamptz(text).getTime(), text).toBe(reference(text).getTime());
    }
  });

  it("truncates microseconds to the millisecond", () => {
    expect(parseTimestamptz("2026-11-03 12:34:56.789999+00").toISOString()).toBe("2026-11-03T12:34:56.789Z");
  });

  it("hands other offsets, early and special values to pg's parser", () => {
    for (const text of ["2026-11-03 13:34:56.789+01", "2026-11-03 18:04:56+05:30", "1969-12-31 23:59:59+00", "0044-03-15 12:00:00+00 BC"]) {
      expect(parseTimestamptz(text).getTime(), text).toBe(reference(text).getTime());
    }
    expect(parseTimestamptz("infinity")).toEqual(reference("infinity"));
  });
});
