import fc from "fast-check";
import { expect } from "vitest";

/** Strings that have broken parsers, queries and encodings before. */
export const NASTY_STRINGS = [
  "'; DROP TABLE events; --",
  "' OR '1'='1",
  "1; SELECT pg_sleep(5)",
  "$1",
  "\\",
  "%00",
  "%E0%A4%A",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "${jndi:ldap://x}",
  "\u202Eevil\u202C",
  "\uFEFFbom",
  "e\u0301 é",
  "𝕏🏳️‍🌈👩‍👩‍👧",
  "\u200B\u200D",
  "ＡＢＣ",
  "null",
  "undefined",
  "__proto__",
  "constructor",
];

/** Strings PostgreSQL or JSON cannot hold as such: NUL and lone surrogates. */
export const UNSTORABLE_STRINGS = ["nul\u0000byte", "\uD800", "lone \uDC00 low"];

export const HUGE_STRING = "x".repeat(300_000);

/** Any string a client might send: arbitrary text, the nasty list, unstorable ones, a huge one. */
export const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(...NASTY_STRINGS, ...UNSTORABLE_STRINGS, HUGE_STRING),
);

/** Strings that are fine to store verbatim (no NUL, no lone surrogates) yet look like attacks. */
export const storableHostileString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }).filter((s) => !s.includes("\u0000")),
);

/** A JSON value of the wrong type for a string field. */
export const wrongType = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }), fc.object({ maxDepth: 1 }));

export function deeplyNested(depth: number): string {
  return "[".repeat(depth) + "]".repeat(depth);
}

/** Bodies that are not valid JSON or not JSON at all. */
export const malformedJson = fc.oneof(
  fc.constantFrom("", " ", "{", "[", "{\"events\":", "{'a':1}", "NaN", "[1,]", "\u0000", "\uFEFF{}", '{"a":"\\x"}', deeplyNested(100_000).slice(1)),
  fc.string({ maxLength: 60 }).filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  }),
);

/** Parsed-JSON bodies that are the wrong shape: scalars, arrays, objects of random keys, deep nesting. */
export const wrongShapeJson = fc.oneof(
  fc.constantFrom("null", "true", "1", '"events"', "[]", "{}", '{"events":[]}', '{"events":null}', '{"events":{}}', deeplyNested(5_000), '{"__proto__":{"admin":true}}'),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
);

export interface ClientError {
  status: number;
  body: { error: { code: string; message: string } };
}

/** A refusal the caller can act on: 4xx, JSON, `{ error: { code, message } }` with a readable message. */
export async function expectClientError(response: Response, context = ""): Promise<ClientError> {
  const text = await response.text();
  expect(response.status, `${context} → ${response.status} ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(response.status, `${context} → ${response.status} ${text.slice(0, 300)}`).toBeLessThan(500);
  expect(response.headers.get("content-type"), context).toContain("application/json");
  const body = JSON.parse(text) as ClientError["body"];
  expect(body.error.code, context).toMatch(/^[a-z_]+$/);
  expect(body.error.message.length, context).toBeGreaterThan(5);
  return { status: response.status, body };
}
