// Hostile input on every public endpoint: always a 4xx with a JSON error a client can act on, never
// a 5xx, and never a partial write (the workspace's rows are exactly as before a refused request).
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient, minutesAgo } from "../support/api-client";
import { createTestWorkspace, uniqueEmail } from "../support/fixtures";
import { HttpSession } from "../support/http-session";
import { queryOne, rowCounts } from "../support/invariants";
import { callServerAction, serverAction } from "../support/server-actions";
import { signedEvent } from "../support/stripe-events";
import {
  expectClientError,
  HUGE_STRING,
  hostileString,
  malformedJson,
  NASTY_STRINGS,
  storableHostileString,
  UNSTORABLE_STRINGS,
  wrongShapeJson,
  wrongType,
} from "../support/hostile-input";

const appUrl = inject("appUrl");
const databaseUrl = inject("databaseUrl");
const RUNS = { numRuns: 40 };

let workspace: Awaited<ReturnType<typeof createTestWorkspace>>;
let api: ApiClient;
let conversationId: string;

beforeAll(async () => {
  workspace = await createTestWorkspace({ name: "Fuzz target" });
  api = new ApiClient(appUrl, workspace.apiKey);
  const posted = await api.postEvents([
    { id: "seed-1", endUserId: "real-user", role: "user", text: "A real question", timestamp: minutesAgo(10) },
    { id: "seed-2", endUserId: "real-user", role: "assistant", text: "A real answer", timestamp: minutesAgo(9) },
  ]);
  expect(posted.status).toBe(200);
  conversationId = posted.body.results[0]?.conversationId ?? "";
});

/** Runs `request` and checks it changed none of the workspace's rows. */
async function unchanged<T>(request: () => Promise<T>): Promise<T> {
  const before = await rowCounts(databaseUrl, workspace.workspaceId);
  const result = await request();
  expect(await rowCounts(databaseUrl, workspace.workspaceId)).toEqual(before);
  return result;
}

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${appUrl}/api/v1/events`, { method: "POST", headers: { authorization: `Bearer ${workspace.apiKey}`, "content-type": "application/json", ...headers }, body });

let sequence = 0;
const validEvent = (overrides: Record<string, unknown> = {}) => ({
  id: `fuzz-${randomBytes(6).toString("hex")}`,
  endUserId: `fuzz-user-${sequence++}`,
  role: "user",
  text: "hello",
  timestamp: minutesAgo(5),
  ...overrides,
});

/** A string as one path segment; a lone surrogate (not encodable) becomes its raw, invalid UTF-8 bytes. */
function pathSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80";
  }
}

const STRING_FIELDS = ["id", "endUserId", "threadId", "role", "channel", "type", "topic", "timestamp", "text"] as const;

/** One invalid event: a field of the wrong type, an empty or oversized or unstorable string, or an unknown field. */
const invalidEvent = fc.oneof(
  fc.record({ field: fc.constantFrom(...STRING_FIELDS), value: wrongType }).map(({ field, value }) => validEvent({ [field]: value })),
  fc.constantFrom(...STRING_FIELDS).map((field) => validEvent({ [field]: HUGE_STRING })),
  fc.record({ field: fc.constantFrom(...STRING_FIELDS), value: fc.constantFrom(UNSTORABLE_STRINGS[0] ?? "") }).map(({ field, value }) => validEvent({ [field]: value })),
  fc.constantFrom("id", "endUserId").map((field) => validEvent({ [field]: "" })),
  fc.constantFrom("role", "channel", "type", "timestamp").chain((field) => hostileString.map((value) => validEvent({ [field]: value }))),
  hostileString.filter((key) => !STRING_FIELDS.includes(key as (typeof STRING_FIELDS)[number])).map((key) => ({ ...validEvent(), [key]: "x" })),
  fc.constant(validEvent({ timestamp: "1970-01-01T00:00:00Z" })),
  fc.constant(validEvent({ timestamp: "2999-01-01T00:00:00Z" })),
  wrongType,
);

describe("POST /api/v1/events", () => {
  it("refuses malformed JSON with 400 and writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(malformedJson, async (body) => {
        await unchanged(async () => expectClientError(await post(body), `body ${JSON.stringify(body.slice(0, 40))}`));
      }),
      RUNS,
    );
  });

  it("refuses JSON of the wrong shape (scalars, arrays, random objects, 5,000-deep nesting) and writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(wrongShapeJson, async (body) => {
        await unchanged(async () => expectClientError(await post(body), `body ${body.slice(0, 60)}`));
      }),
      RUNS,
    );
  });

  it("refuses a whole batch when any one event is invalid, writing none of the valid ones", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 4 }), invalidEvent, async (position, bad) => {
        const events: unknown[] = [validEvent(), validEvent(), validEvent(), validEvent()];
        events.splice(position, 0, bad);
        const refused = await unchanged(async () => expectClientError(await post(JSON.stringify({ events })), JSON.stringify(bad).slice(0, 120)));
        expect([413, 422]).toContain(refused.status);
      }),
      RUNS,
    );
  });

  it("refuses bodies over the size limit with 413 before reading them whole", async () => {
    const events = Array.from({ length: 300 }, () => validEvent({ text: "y".repeat(3_999) }));
    const refused = await unchanged(async () => expectClientError(await post(JSON.stringify({ events }))));
    expect(refused.status).toBe(413);
  });

  it("refuses hostile Authorization headers with 401", async () => {
    const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 300 });
    await fc.assert(
      fc.asyncProperty(fc.oneof(printable, printable.map((s) => `Bearer ${s}`), printable.map((s) => `Bearer ck_live_${s}`)), async (authorization) => {
        const response = await fetch(`${appUrl}/api/v1/events`, { method: "POST", headers: { authorization, "content-type": "application/json" }, body: JSON.stringify(validEvent()) });
        await unchanged(async () => expect((await expectClientError(response, authorization.slice(0, 60))).status).toBe(401));
      }),
      RUNS,
    );
  });

  it("stores attack-looking but valid strings verbatim: nothing is interpreted as SQL or markup", async () => {
    // A workspace of its own: these end users are real, so the erasure fuzzing below must not find them.
    const api = new ApiClient(appUrl, (await createTestWorkspace()).apiKey);
    await fc.assert(
      fc.asyncProperty(storableHostileString, storableHostileString, async (endUserId, text) => {
        const threadId = randomBytes(6).toString("hex");
        const posted = await api.postEvents([validEvent({ endUserId, threadId, text: text.slice(0, 4_000), topic: endUserId.slice(0, 256) })]);
        expect(posted.status).toBe(200);
        const id = posted.body.results[0]?.conversationId;
        const detail = await api.request<{ endUserId: string; topic: string; messages: { text: string }[] }>(`/api/v1/conversations/${id}`);
        expect(detail.body.endUserId).toBe(endUserId);
        expect(detail.body.topic).toBe(endUserId.slice(0, 256));
        expect(detail.body.messages[0]?.text).toBe(text.slice(0, 4_000));
      }),
      { numRuns: 20 },
    );
  });
});

describe("GET /api/v1/conversations and /api/v1/conversations/:id", () => {
  const keys = fc.oneof(fc.constantFrom("from", "to", "endUserId", "channel", "status", "billable", "limit", "cursor"), hostileString.map((s) => s.slice(0, 50)));

  it("answers hostile filters with a page or a 4xx, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(keys, hostileString.map((s) => s.slice(0, 5_000)), { maxKeys: 4 }), async (query) => {
        const response = await fetch(`${appUrl}/api/v1/conversations?${new URLSearchParams(query)}`, { headers: { authorization: `Bearer ${workspace.apiKey}` } });
        if (response.status === 200) expect(Array.isArray(((await response.json()) as { data: unknown[] }).data)).toBe(true);
        else await expectClientError(response, JSON.stringify(query).slice(0, 200));
      }),
      RUNS,
    );
  });

  it("answers hostile conversation ids with 404 or 400, never a 5xx", async () => {
    const segments = fc.oneof(hostileString.map((s) => pathSegment(s.slice(0, 2_000))), fc.constantFrom("%E0%A4%A", "%", "%zz", `${conversationId}%00`, `${conversationId}'`));
    await fc.assert(
      fc.asyncProperty(segments, async (segment) => {
        if (!segment) return;
        const response = await fetch(`${appUrl}/api/v1/conversations/${segment}`, { headers: { authorization: `Bearer ${workspace.apiKey}` } });
        expect([400, 404]).toContain((await expectClientError(response, segment.slice(0, 80))).status);
      }),
      RUNS,
    );
  });
});

describe("GET /api/v1/usage", () => {
  it("ignores hostile query strings and answers the usage", async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(hostileString.map((s) => s.slice(0, 40)), hostileString.map((s) => s.slice(0, 200)), { maxKeys: 3 }), async (query) => {
        const response = await fetch(`${appUrl}/api/v1/usage?${new URLSearchParams(query)}`, { headers: { authorization: `Bearer ${workspace.apiKey}` } });
        expect(response.status).toBe(200);
      }),
      { numRuns: 10 },
    );
  });
});

describe("DELETE /api/v1/end-users/:endUserId", () => {
  it("answers ids the workspace never saw with 404 (or 400 for malformed encoding) and erases nothing", async () => {
    const segments = fc.oneof(
      hostileString.filter((s) => s !== "real-user").map((s) => pathSegment(s.slice(0, 10_000))),
      fc.constantFrom("%E0%A4%A", "%", "real-user%00", "real-user'", "real%2Duser%27%20OR%201%3D1", "*", "%25"),
    );
    await fc.assert(
      fc.asyncProperty(segments, async (segment) => {
        if (!segment) return;
        const response = await unchanged(() => fetch(`${appUrl}/api/v1/end-users/${segment}`, { method: "DELETE", headers: { authorization: `Bearer ${workspace.apiKey}` } }));
        expect([400, 404]).toContain((await expectClientError(response, segment.slice(0, 80))).status);
      }),
      RUNS,
    );
    const intact = await api.request<{ messages: { text: string | null }[] }>(`/api/v1/conversations/${conversationId}`);
    expect(intact.body.messages.map((m) => m.text)).toEqual(["A real question", "A real answer"]);
  });
});

describe("POST /api/stripe/webhook", () => {
  let secret: string;
  beforeAll(async () => {
    // The first delivery makes the app generate its local webhook secret (no Stripe key in tests).
    await fetch(`${appUrl}/api/stripe/webhook`, { method: "POST", body: "{}" });
    secret = (await queryOne<{ value: string }>(databaseUrl, `SELECT value FROM app_secrets WHERE name = 'stripe_webhook_secret'`, [])).value;
  });

  it("refuses unsigned or badly signed hostile bodies with 400", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(malformedJson, wrongShapeJson), fc.oneof(hostileString.map((s) => s.slice(0, 500)), fc.constant("t=1,v1=00")), async (body, signature) => {
        const headers: Record<string, string> = /^[\x20-\x7e]*$/.test(signature) ? { "stripe-signature": signature } : {};
        const response = await unchanged(() => fetch(`${appUrl}/api/stripe/webhook`, { method: "POST", headers, body }));
        expect((await expectClientError(response)).status).toBe(400);
      }),
      RUNS,
    );
  });

  it("answers correctly signed events of any shape without a 5xx, and credits nothing for garbage", async () => {
    const types = fc.constantFrom("checkout.session.completed", "checkout.session.async_payment_succeeded", "charge.refunded", "customer.subscription.updated", "customer.subscription.deleted", "invoice.paid", "made.up");
    const objects = fc.oneof(fc.object({ maxDepth: 2 }), fc.record({ id: hostileString.map((s) => s.slice(0, 100)), metadata: fc.record({ workspaceId: fc.oneof(hostileString.map((s) => s.slice(0, 100)), fc.constant(workspace.workspaceId)), packId: hostileString.map((s) => s.slice(0, 50)) }), amount_total: wrongType, payment_status: fc.constantFrom("paid", "unpaid", 7) }));
    await fc.assert(
      fc.asyncProperty(types, objects, async (type, object) => {
        const event = signedEvent(secret, type, object);
        const response = await unchanged(() => fetch(`${appUrl}/api/stripe/webhook`, { method: "POST", headers: { "stripe-signature": event.signature }, body: event.payload }));
        const text = await response.text();
        expect(response.status, `${type} ${JSON.stringify(object).slice(0, 200)} → ${text.slice(0, 200)}`).toBeLessThan(500);
      }),
      RUNS,
    );
  });
});

describe("sign-in and sign-up", () => {
  it("answers hostile credentials on next-auth's endpoint without a 5xx or a session", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString.map((s) => s.slice(0, 5_000)), hostileString.map((s) => s.slice(0, 5_000)), async (email, password) => {
        const session = new HttpSession(appUrl);
        const { csrfToken } = (await (await session.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
        const response = await session.fetch("/api/auth/callback/credentials", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
        });
        expect(response.status).toBeLessThan(500);
        expect(((await (await session.fetch("/api/auth/session")).json()) as { user?: unknown }).user).toBeUndefined();
      }),
      { numRuns: 25 },
    );
  });

  it("refuses hostile sign-up fields with a validation error and creates no account", async () => {
    const action = serverAction("signUp");
    const field = fc.oneof(hostileString, wrongType);
    await fc.assert(
      fc.asyncProperty(field, field, field, async (email, password, workspaceName) => {
        const input = { email, password, workspaceName, name: NASTY_STRINGS[0] };
        // A fresh client address each time (HttpSession): sign-ups are limited to 20 an hour per address.
        const { status, result } = await callServerAction(new HttpSession(appUrl), action, [input]);
        expect(status).toBe(200);
        const outcome = result as { ok: boolean; error?: { code: string; message: string } };
        if (outcome.ok) {
          // Every field happened to be valid (an attack-looking but well-formed e-mail, say): fine.
          expect(typeof password === "string" && password.length >= 8).toBe(true);
          return;
        }
        expect(outcome.error?.code).toBe("validation_failed");
        if (typeof email === "string" && !email.includes("\u0000")) {
          const row = await queryOne<{ n: number }>(databaseUrl, `SELECT count(*)::int AS n FROM users WHERE lower(email) = lower($1)`, [email]);
          expect(row.n).toBe(0);
        }
      }),
      { numRuns: 25 },
    );
  });

  it("runs no sign-up for bodies that are not a server action payload, and leaks no internals", async () => {
    // Next.js decodes the payload before any app code runs and answers a malformed one with a bare
    // error digest (a 500 it owns): what matters is that nothing happens and nothing leaks.
    const action = serverAction("signUp");
    const email = uniqueEmail("malformed");
    const valid = JSON.stringify({ email, password: "long enough password", workspaceName: "W" });
    for (const body of ["", "{", "[[[[", "null", '"x"', "[" + "[".repeat(5_000) + "]".repeat(5_000) + "]", JSON.stringify([HUGE_STRING]), `["$@1", ${valid}]`, `[${valid.slice(0, -3)}`]) {
      const response = await new HttpSession(appUrl).fetch(action.page, {
        method: "POST",
        headers: { "next-action": action.id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin: appUrl },
        body,
      });
      const text = await response.text();
      expect(text, body.slice(0, 20)).not.toMatch(/at .*\.js:\d+|node_modules|SyntaxError|stack/);
    }
    const created = await queryOne<{ n: number }>(databaseUrl, `SELECT count(*)::int AS n FROM users WHERE email = $1`, [email]);
    expect(created.n).toBe(0);
  });
});
