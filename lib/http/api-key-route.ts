import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/http/error-response";
import { authenticateApiKey, type ApiKeyIdentity } from "@/lib/api-keys/authenticate-api-key";
import { TokenBuckets } from "@/lib/rate-limit/token-bucket";

type Params = Record<string, string | string[]>;

let buckets: TokenBuckets | undefined;
function rateLimiter(): TokenBuckets {
  buckets ??= new TokenBuckets(env().API_RATE_LIMIT_PER_SECOND, env().API_RATE_LIMIT_BURST);
  return buckets;
}

/**
 * Wraps every public API route: `Authorization: Bearer <API key>` (401 otherwise), a per-key
 * request rate (429 with Retry-After), and the JSON error contract for anything thrown.
 */
export function apiKeyRoute<P extends Params = Params>(handler: (request: Request, identity: ApiKeyIdentity, params: P) => Promise<Response>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const identity = await authenticateApiKey(request.headers.get("authorization"));
      const wait = rateLimiter().take(identity.keyId);
      if (wait > 0) {
        throw new AppError({ code: "rate_limited", message: "Too many requests for this API key; slow down.", retryAfterSeconds: wait });
      }
      return await handler(request, identity, await route.params);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
