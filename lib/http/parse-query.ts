import type { z } from "zod";

/** The request's query string checked by `schema` (a ZodError becomes a 422 listing each parameter). */
export function parseQuery<Schema extends z.ZodType>(request: Request, schema: Schema): z.output<Schema> {
  return schema.parse(Object.fromEntries(new URL(request.url).searchParams));
}
