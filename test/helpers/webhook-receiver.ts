import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  signature: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** How to answer one request: a status (and headers), or "hold" to keep it open until `release()`. */
export type Reply = { status: number; headers?: Record<string, string> } | "hold";

export interface WebhookReceiver {
  url(path?: string): string;
  /** Every request, in arrival order. */
  received: ReceivedWebhook[];
  /** The webhook-ids that got a 2xx answer (acknowledged), with repeats. */
  acknowledged: string[];
  /** Requests open right now, and the most that were ever open at once. */
  inFlight(): number;
  maxInFlight(): number;
  /** Answers every held request with `reply`. */
  release(reply?: { status: number }): void;
  /** Resolves once `count` requests have arrived. */
  waitFor(count: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A webhook receiver on 127.0.0.1 (node:http) that records what it gets. `reply` picks the answer from the
 * request and its arrival number (0-based); the default acknowledges everything with 204.
 */
export async function startWebhookReceiver(
  reply: (hook: ReceivedWebhook, index: number) => Reply = () => ({ status: 204 }),
): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const acknowledged: string[] = [];
  const held: Array<{ res: ServerResponse; id: string }> = [];
  const sockets = new Set<Socket>();
  let open = 0;
  let max = 0;
  let waiters: Array<{ count: number; resolve: () => void }> = [];

  const settled = new WeakSet<ServerResponse>();
  const settle = (res: ServerResponse) => {
    if (settled.has(res)) return;
    settled.add(res);
    open--;
  };
  const answer = (res: ServerResponse, id: string, status: number, headers: Record<string, string> = {}) => {
    if (status >= 200 && status <= 299) acknowledged.push(id);
    res.writeHead(status, headers).end();
    settle(res);
  };
  const server = createServer((req, res) => {
    open++;
    max = Math.max(max, open);
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const header = (name: string) => String(req.headers[name] ?? "");
      const hook: ReceivedWebhook = {
        id: header("webhook-id"),
        timestamp: header("webhook-timestamp"),
        signature: header("webhook-signature"),
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      received.push(hook);
      const choice = reply(hook, received.length - 1);
      if (choice === "hold") held.push({ res, id: hook.id });
      else answer(res, hook.id, choice.status, choice.headers);
      for (const waiter of waiters.filter((w) => received.length >= w.count)) waiter.resolve();
      waiters = waiters.filter((w) => received.length < w.count);
    });
    res.on("close", () => settle(res));
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: (path = "/hook") => `http://127.0.0.1:${port}${path}`,
    received,
    acknowledged,
    inFlight: () => open,
    maxInFlight: () => max,
    release(reply = { status: 200 }) {
      for (const { res, id } of held.splice(0)) if (!res.destroyed) answer(res, id, reply.status);
    },
    waitFor(count) {
      if (received.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
