/** Thin client for the public API in tests: raw status, headers and parsed JSON. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly apiKey: string,
  ) {}

  async request<T = unknown>(path: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: T }> {
    const headers = new Headers(init.headers);
    headers.set("authorization", `Bearer ${this.apiKey}`);
    if (init.body && !headers.has("content-type")) headers.set("content-type", "application/json");
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as T };
  }

  postEvents<T = EventsResponse>(events: unknown) {
    return this.request<T>("/api/v1/events", { method: "POST", body: JSON.stringify(Array.isArray(events) ? { events } : events) });
  }
}

export interface EventsResponse {
  results: { id: string; status: "accepted" | "duplicate"; conversationId: string | null; newConversation: boolean; charged: boolean; allowed: boolean }[];
  balance: { remaining: number; overage: number };
}

const MINUTE = 60_000;

/** An ISO timestamp `minutesAgo` before a fixed anchor near now (inside the accepted window). */
export function minutesAgo(minutes: number, anchor = ANCHOR): string {
  return new Date(anchor - minutes * MINUTE).toISOString();
}

const ANCHOR = Date.now();
