import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

export interface LoopbackServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  close: () => Promise<void>;
}

/** An HTTP server on a free loopback port that hands each request its whole body as text. */
export async function startLoopbackServer(handle: (request: IncomingMessage, body: string, response: ServerResponse) => void): Promise<LoopbackServer> {
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => handle(request, body, response));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    origin: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Requests a test left unanswered on purpose would otherwise keep the server open.
        server.closeAllConnections();
      }),
  };
}
