/**
 * The per-request headers of every HTML page (next.config.mjs adds the fixed ones to every
 * response). The nonce CSP lets only the scripts Next.js renders with this request's nonce run
 * ('strict-dynamic' extends that trust to the chunks they load), so an injected <script> or inline
 * event handler never executes.
 */
export function pageSecurityHeaders(options: { nonce: string; https: boolean; development: boolean }): Record<string, string> {
  const csp = [
    "default-src 'self'",
    // React's development build evaluates code for its stack traces; production never needs eval.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    // Style attributes cannot carry a nonce, and Recharts and Next's route announcer set inline
    // styles on elements: styles stay 'unsafe-inline' (a style cannot run code), scripts never do.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
  return {
    "Content-Security-Policy": csp,
    // Browsers ignore HSTS over plain HTTP, and a development machine must stay reachable without TLS.
    ...(options.https && !options.development ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** A fresh, unguessable nonce for one response. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** Whether the app is served over HTTPS: the request says so, or its public URL (behind a proxy) does. */
export function servedOverHttps(requestUrl: string, publicUrl: string | undefined): boolean {
  return requestUrl.startsWith("https:") || Boolean(publicUrl?.startsWith("https:"));
}
