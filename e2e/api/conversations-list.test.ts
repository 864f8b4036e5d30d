import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { ApiClient, minutesAgo } from "../support/api-client";
import { createTestWorkspace } from "../support/fixtures";
import { startTestApp } from "../support/test-environment";

const appUrl = inject("appUrl");
const databaseUrl = inject("databaseUrl");

interface ListBody {
  data: { id: string; endUserId: string; channel: string; status: string; billable: boolean; startedAt: string }[];
  nextCursor: string | null;
}

describe("GET /api/v1/conversations", () => {
  let api: ApiClient;
  beforeAll(async () => {
    api = new ApiClient(appUrl, (await createTestWorkspace()).apiKey);
    const events = [];
    for (let i = 0; i < 7; i++) {
      events.push({ id: `u${i}`, endUserId: `user-${i}`, role: "user", timestamp: minutesAgo(100 - i) });
      if (i % 2 === 0) events.push({ id: `a${i}`, endUserId: `user-${i}`, role: "assistant", timestamp: minutesAgo(100 - i) });
    }
    events.push({ id: "t", endUserId: "tester", channel: "test", role: "user", timestamp: minutesAgo(5) });
    expect((await api.postEvents(events)).status).toBe(200);
  });

  it("pages newest first with a stable cursor, without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/api/v1/conversations?limit=3${cursor ? `&cursor=${cursor}` : ""}`;
      const { body } = await api.request<ListBody>(query);
      seen.push(...body.data.map((c) => c.endUserId));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(["tester", "user-6", "user-5", "user-4", "user-3", "user-2", "user-1", "user-0"]);
  });

  it("filters by end user, channel, billable, status and dates", async () => {
    const get = async (query: string) => (await api.request<ListBody>(`/api/v1/conversations?${query}`)).body.data.map((c) => c.endUserId);
    expect(await get("endUserId=user-3")).toEqual(["user-3"]);
    expect(await get("channel=test")).toEqual(["tester"]);
    expect(await get("billable=true")).toEqual(["user-6", "user-4", "user-2", "user-0"]);
    expect(await get("billable=false&channel=live")).toEqual(["user-5", "user-3", "user-1"]);
    expect(await get("status=cancelled")).toEqual(["user-5", "user-3", "user-1"]);
    expect(await get("status=open")).toEqual(["tester"]);
    expect(await get(`from=${encodeURIComponent(minutesAgo(95.5))}&to=${encodeURIComponent(minutesAgo(94.5))}`)).toEqual(["user-5"]);
  });

  it("answers bad parameters with 422 naming each one", async () => {
    const { status, body } = await api.request<{ error: { issues: { field: string }[] } }>("/api/v1/conversations?limit=500&status=maybe&cursor=zzz&colour=red");
    expect(status).toBe(422);
    expect(body.error.issues.map((i) => i.field).sort()).toEqual(expect.arrayContaining(["limit", "status"]));
    expect((await api.request("/api/v1/conversations?cursor=bm9wZQ")).status).toBe(422);
  });
});

describe("OpenAPI document", () => {
  it("is served and every response of the API matches it", async () => {
    const document = (await (await fetch(`${appUrl}/api/v1/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, { content?: { "application/json": { schema: object } } }> }>>;
      components: { schemas: Record<string, object> };
    };
    expect(document.openapi).toBe("3.1.0");
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: "openapi", components: document.components });
    const validate = (path: string, status: string, body: unknown) => {
      // Each path has one operation.
      const schema = Object.values(document.paths[path] ?? {})[0]?.responses[status]?.content?.["application/json"].schema;
      if (!schema) throw new Error(`No schema for ${path} ${status}`);
      const check = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components', '"openapi#/components')));
      expect(check(body), JSON.stringify(check.errors)).toBe(true);
    };

    const api = new ApiClient(appUrl, (await createTestWorkspace()).apiKey);
    const posted = await api.postEvents([
      { id: "1", endUserId: "x", role: "user", text: "hi" },
      { id: "2", endUserId: "x", role: "assistant", text: "hello" },
    ]);
    validate("/api/v1/events", "200", posted.body);
    validate("/api/v1/events", "422", (await api.postEvents([{ id: "" }])).body);
    const conversationId = posted.body.results[0]?.conversationId;
    validate("/api/v1/conversations", "200", (await api.request("/api/v1/conversations")).body);
    validate("/api/v1/conversations/{id}", "200", (await api.request(`/api/v1/conversations/${conversationId}`)).body);
    validate("/api/v1/conversations/{id}", "404", (await api.request("/api/v1/conversations/00000000-0000-4000-8000-000000000000")).body);
    validate("/api/v1/usage", "200", (await api.request("/api/v1/usage")).body);
    validate("/api/v1/end-users/{endUserId}", "200", (await api.request("/api/v1/end-users/x", { method: "DELETE" })).body);
    validate("/api/v1/end-users/{endUserId}", "404", (await api.request("/api/v1/end-users/never-seen", { method: "DELETE" })).body);
    validate("/api/v1/usage", "401", (await new ApiClient(appUrl, "nope").request("/api/v1/usage")).body);
  });
});

describe("rate limiting per API key", () => {
  it("answers 429 with Retry-After past the key's rate, leaving other keys alone", async () => {
    const limited = await startTestApp(databaseUrl, { API_RATE_LIMIT_PER_SECOND: "1", API_RATE_LIMIT_BURST: "3" });
    try {
      const first = new ApiClient(limited.url, (await createTestWorkspace()).apiKey);
      const second = new ApiClient(limited.url, (await createTestWorkspace()).apiKey);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await first.request("/api/v1/usage")).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await first.request<{ error: { code: string } }>("/api/v1/usage");
      expect(refused.body.error.code).toBe("rate_limited");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect((await second.request("/api/v1/usage")).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});
