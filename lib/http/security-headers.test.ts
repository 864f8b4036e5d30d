import { describe, expect, it } from "vitest";
import { createNonce, pageSecurityHeaders, servedOverHttps } from "./security-headers";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)] as const));

describe("page security headers", () => {
  it("allow scripts only by this response's nonce, never inline or eval, and forbid framing", () => {
    const csp = directives(pageSecurityHeaders({ nonce: "abc123", https: false, development: false })["Content-Security-Policy"] ?? "");
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
  });

  it("send HSTS only in production over HTTPS", () => {
    expect(pageSecurityHeaders({ nonce: "n", https: true, development: false })["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}; includeSubDomains$/);
    expect(pageSecurityHeaders({ nonce: "n", https: false, development: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(pageSecurityHeaders({ nonce: "n", https: true, development: true })["Strict-Transport-Security"]).toBeUndefined();
  });

  it("allow eval in development only (React's dev build needs it)", () => {
    expect(pageSecurityHeaders({ nonce: "n", https: false, development: true })["Content-Security-Policy"]).toContain("'unsafe-eval'");
    expect(pageSecurityHeaders({ nonce: "n", https: false, development: false })["Content-Security-Policy"]).not.toContain("unsafe-eval");
  });

  it("count the app as HTTPS when the request or the public URL is", () => {
    expect(servedOverHttps("https://app.example/x", undefined)).toBe(true);
    expect(servedOverHttps("http://10.0.0.5:3000/x", "https://app.example")).toBe(true);
    expect(servedOverHttps("http://127.0.0.1:3000/x", "http://127.0.0.1:3000")).toBe(false);
  });

  it("make a new unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
