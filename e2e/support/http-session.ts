import { randomBytes } from "node:crypto";

/**
 * A minimal browser stand-in for HTTP tests: keeps cookies, sends a fixed client address, and signs
 * in through next-auth's real credentials endpoint.
 */
export class HttpSession {
  private readonly cookies = new Map<string, string>();
  readonly ip: string;

  constructor(
    readonly baseUrl: string,
    options: { ip?: string } = {},
  ) {
    this.ip = options.ip ?? `10.${randomByte()}.${randomByte()}.${randomByte()}`;
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("x-forwarded-for", this.ip);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const index = pair?.indexOf("=") ?? -1;
      if (!pair || index < 0) continue;
      const value = pair.slice(index + 1);
      if (value) this.cookies.set(pair.slice(0, index), value);
      else this.cookies.delete(pair.slice(0, index));
    }
    return response;
  }

  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }

  /** Signs in; resolves to null on success or to next-auth's error string. */
  async signIn(email: string, password: string): Promise<string | null> {
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/dashboard", json: "true" }),
    });
    const { url } = (await response.json()) as { url: string };
    return new URL(url, this.baseUrl).searchParams.get("error");
  }
}

function randomByte() {
  return randomBytes(1)[0] ?? 1;
}
