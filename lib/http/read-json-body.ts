import { AppError } from "@/lib/errors";

/**
 * Reads a JSON body of at most `maxBytes`, refusing larger ones (413) before reading them whole,
 * and malformed JSON (400).
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const tooLarge = () => new AppError({ code: "payload_too_large", message: `The body must be at most ${maxBytes.toLocaleString("en")} bytes.` });
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) throw tooLarge();

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) throw new AppError({ code: "bad_request", message: "The body is empty; send JSON." });
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? `: ${error.message}` : ".";
    throw new AppError({ code: "bad_request", message: `The body is not valid JSON${detail}` });
  }
}
