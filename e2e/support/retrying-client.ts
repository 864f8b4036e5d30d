/** What a fault test saw its clients go through. */
export class FaultLog {
  /** How many answers of each HTTP status the clients got. */
  readonly statuses = new Map<number, number>();
  /** Requests that got no answer at all: refused by a dead instance, or cut mid-request. */
  unanswered = 0;
  /** Of those, the ones in flight when the instance died (not simply refused). */
  cutMidRequest = 0;
  /** Anything a client must never see: a 500, an unusable 503, a request left hanging. */
  readonly problems: string[] = [];

  count(status: number) {
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }
}

// A request still unanswered after this long counts as hung.
const HUNG_AFTER_MS = 20_000;

/**
 * A client as the README asks integrators to write one: it sends a batch until it is
 * acknowledged, waits `Retry-After` on a 503, and when an instance stops answering it retries
 * the same batch on the next instance.
 */
export class RetryingClient {
  private instance = 0;

  constructor(
    private readonly instances: string[],
    private readonly apiKey: string,
    private readonly log: FaultLog,
  ) {}

  async send(events: unknown[]): Promise<void> {
    for (let attempt = 1; attempt <= 50; attempt++) {
      const url = this.instances[this.instance % this.instances.length];
      const started = Date.now();
      let response: Response;
      try {
        response = await fetch(`${url}/api/v1/events`, {
          method: "POST",
          headers: { authorization: `Bearer ${this.apiKey}`, "content-type": "application/json" },
          body: JSON.stringify({ events }),
          signal: AbortSignal.timeout(HUNG_AFTER_MS),
        });
      } catch (error) {
        if (Date.now() - started >= HUNG_AFTER_MS) this.log.problems.push(`${url}: no answer within ${HUNG_AFTER_MS} ms`);
        this.log.unanswered += 1;
        if (causeCode(error) !== "ECONNREFUSED") this.log.cutMidRequest += 1;
        this.instance += 1;
        continue;
      }
      const text = await response.text();
      this.log.count(response.status);
      if (response.status === 200) return;
      if (response.status !== 503) {
        this.log.problems.push(`${url}: ${response.status} ${text.slice(0, 200)}`);
        throw new Error(`Unexpected ${response.status} from ${url}: ${text.slice(0, 200)}`);
      }
      const retryAfter = Number(response.headers.get("retry-after"));
      const code = safeJson(text)?.error?.code;
      if (!(retryAfter > 0) || code !== "unavailable") this.log.problems.push(`${url}: 503 without Retry-After or JSON error: ${text.slice(0, 200)}`);
      await sleep((retryAfter > 0 ? retryAfter : 1) * 1_000);
    }
    throw new Error("A batch was never acknowledged after 50 attempts.");
  }
}

function causeCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  return typeof cause === "object" && cause !== null && "code" in cause ? String(cause.code) : undefined;
}

function safeJson(text: string): { error?: { code?: string } } | null {
  try {
    return JSON.parse(text) as { error?: { code?: string } };
  } catch {
    return null;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `condition` holds, checking often; fails after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("Condition not met in time.");
    await sleep(5);
  }
}
