import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  path: string;
  headers: IncomingHttpHeaders;
}

export interface FeedServer {
  /** Absolute URL of `path` on this server, e.g. url("/feed.xml"). */
  url(path: string): string;
  /** Every request received, in order (also those that matched no route). */
  requests: RecordedRequest[];
  /** Connections currently open, to check that a client closed its sockets. */
  openConnections(): number;
  /** Resolves once no connection is open. */
  idle(): Promise<void>;
  /** Adds or replaces a route after start, for handlers that need the server's own URL. */
  route(path: string, handler: RouteHandler): void;
  /** Stops listening and destroys open connections (a handler may be trickling bytes forever). */
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 with one handler per path (the query string is ignored when matching).
 * Unknown paths answer 404; a handler that throws answers 500.
 */
export async function startFeedServer(routes: Record<string, RouteHandler> = {}): Promise<FeedServer> {
  const handlers = new Map(Object.entries(routes));
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let idleWaiters: Array<() => void> = [];

  const server = createServer(async (req, res) => {
    const path = req.url ?? "/";
    requests.push({ method: req.method ?? "GET", path, headers: req.headers });
    const handler = handlers.get(new URL(path, "http://localhost").pathname);
    if (!handler) {
      res.writeHead(404, { "content-type": "text/plain" }).end("no such route");
      return;
    }
    try {
      await handler(req, res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => {
      sockets.delete(socket);
      if (sockets.size === 0) {
        for (const resolve of idleWaiters) resolve();
        idleWaiters = [];
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: (path) => `http://127.0.0.1:${port}${path.startsWith("/") ? path : `/${path}`}`,
    requests,
    openConnections: () => sockets.size,
    idle: () =>
      sockets.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idleWaiters.push(resolve)),
    route: (path, handler) => {
      handlers.set(path, handler);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
  };
}
