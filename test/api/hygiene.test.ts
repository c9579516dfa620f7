import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { type ServerType, serve } from "@hono/node-server";
import { OpenAPIHono } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../core/config";
import { createApp } from "../../server/app";
import { applyMiddleware, type HygieneOptions } from "../../server/middleware";
import { ADMIN_TOKEN, createTestApp, type TestApp } from "../helpers/app";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const origin = { origin: "https://elsewhere.example" };

describe("HTTP hygiene", () => {
  let s: TestApp;
  beforeEach(async () => {
    s = await createTestApp();
  });
  afterEach(() => s.t.destroy());

  it("compresses a large JSON answer with the encoding the client prefers", async () => {
    const plain = await (await s.app.request("/api/openapi.json")).text();
    expect(plain.length).toBeGreaterThan(1024);

    const gz = await s.app.request("/api/openapi.json", { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(plain);

    const br = await s.app.request("/api/openapi.json", {
      headers: { "accept-encoding": "gzip;q=0.5, br" },
    });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("vary")).toContain("Accept-Encoding");
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(plain);

    const none = await s.app.request("/api/openapi.json", { headers: { "accept-encoding": "identity" } });
    expect(none.headers.get("content-encoding")).toBeNull();
  });

  it("sends tiny bodies uncompressed even when the client accepts gzip", async () => {
    const res = await s.app.request("/api/feeds", { headers: { "accept-encoding": "gzip, br" } });
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(await res.json()).toEqual({ items: [], nextCursor: null });
    expect(res.headers.get("content-length")).toBe("30");
  });

  it("answers 304 to the weak ETag of a compressed answer and keeps its Cache-Control", async () => {
    const first = await s.app.request("/api/openapi.json", { headers: { "accept-encoding": "gzip" } });
    const tag = first.headers.get("etag");
    expect(tag).toMatch(/^W\/"/);
    const again = await s.app.request("/api/openapi.json", {
      headers: { "accept-encoding": "gzip", "if-none-match": tag! },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get("cache-control")).toBe("public, max-age=300");
    expect(again.headers.get("content-encoding")).toBeNull();
  });

  it("sets Cache-Control by path class", async () => {
    const get = (path: string, headers: Record<string, string> = {}) => s.app.request(path, { headers });
    const cc = (res: Response) => res.headers.get("cache-control");
    expect(cc(await get("/api/feeds"))).toBe("public, max-age=15");
    expect(cc(await get("/api/articles"))).toBe("public, max-age=15");
    expect(cc(await get("/api/topics"))).toBe("public, max-age=15");
    expect(cc(await get("/api/health"))).toBe("no-store");
    expect(cc(await get("/api/openapi.json"))).toBe("public, max-age=300");
    expect(cc(await get("/api/docs"))).toBe("public, max-age=300");
    expect(cc(await get("/api/nothing-here"))).toBe("no-store");
    expect(cc(await get("/api/feeds", { authorization: s.admin.authorization! }))).toBe(
      "private, max-age=15",
    );
    const created = await s.app.request("/api/feeds", {
      method: "POST",
      headers: s.admin,
      body: JSON.stringify({ url: "https://feeds.example.com/a.xml" }),
    });
    expect(created.status).toBe(201);
    expect(cc(created)).toBe("no-store");
  });

  it("grants CORS preflights for reads from any origin", async () => {
    const res = await s.app.request("/api/coverage", {
      method: "OPTIONS",
      headers: { ...origin, "access-control-request-method": "GET" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toContain("GET");
    const read = await s.app.request("/api/feeds", { headers: origin });
    expect(read.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("does not grant CORS for writes, neither in the preflight nor on the answer", async () => {
    const preflight = await s.app.request("/api/feeds", {
      method: "OPTIONS",
      headers: { ...origin, "access-control-request-method": "POST" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.headers.get("access-control-allow-methods")).toBeNull();
    const write = await s.app.request("/api/feeds", {
      method: "POST",
      headers: { ...s.admin, ...origin },
      body: JSON.stringify({ url: "https://feeds.example.com/b.xml" }),
    });
    expect(write.status).toBe(201);
    expect(write.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("accepts an OPML import between 1 and 5 MiB and answers 413 JSON above 5 MiB", async () => {
    const opml = (padding: number) =>
      `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body><!--${" ".repeat(padding)}--><outline type="rss" text="A" xmlUrl="https://feeds.example.com/c.xml"/></body></opml>`;
    const post = (body: string) =>
      s.app.request("/api/feeds/import", {
        method: "POST",
        headers: { authorization: s.admin.authorization!, "content-type": "text/x-opml" },
        body,
      });
    const twoMiB = await post(opml(2 * 1024 * 1024));
    expect(twoMiB.status).toBe(200);
    expect(await twoMiB.json()).toMatchObject({ found: 1, added: 1 });
    const sixMiB = await post(opml(6 * 1024 * 1024));
    expect(sixMiB.status).toBe(413);
    expect(await sixMiB.json()).toEqual({
      error: {
        code: "payload_too_large",
        message: `request body is larger than ${5 * 1024 * 1024} bytes`,
        requestId: expect.any(String),
      },
    });
  });

  it("returns a request id to the client, and echoes a well-formed one the client sent", async () => {
    const ok = await s.app.request("/api/feeds");
    expect(ok.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const missing = await s.app.request("/api/nothing-here", { headers: { "x-request-id": "trace-42" } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-request-id")).toBe("trace-42");
  });

  it("sends a CSP for JSON on /api answers", async () => {
    const res = await s.app.request("/api/feeds");
    expect(res.headers.get("content-security-policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
  });
});

describe("request logs", () => {
  let t: TestDatabase;
  let lines: Array<Record<string, unknown>>;
  let app: ReturnType<typeof createApp>;
  beforeEach(async () => {
    t = await createTestDatabase();
    lines = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const config = loadConfig({ DATABASE_URL: `file:${t.path}`, TIDEMARK_ADMIN_TOKEN: ADMIN_TOKEN });
    app = createApp({ db: t.db, config, log: pino({ level: "info" }, sink) });
  });
  afterEach(() => t.destroy());

  const requestLines = () => lines.filter((line) => line.msg === "request");

  it("logs a 5xx at error level with the request id the client got", async () => {
    t.close();
    const res = await app.request("/api/feeds");
    expect(res.status).toBe(500);
    const [line] = requestLines();
    expect(line).toMatchObject({ level: 50, status: 500, path: "/api/feeds" });
    expect(line?.reqId).toBe(res.headers.get("x-request-id"));
  });

  it("logs a 4xx at warn level and a 2xx at info level", async () => {
    await app.request("/api/nothing-here");
    await app.request("/api/feeds");
    expect(requestLines().map((line) => [line.status, line.level])).toEqual([
      [404, 40],
      [200, 30],
    ]);
  });
});

/** The real app with hygiene options only tests turn (small budgets, a hand-moved clock). */
async function appWith(options: HygieneOptions) {
  const t = await createTestDatabase();
  const config = loadConfig({ DATABASE_URL: `file:${t.path}`, TIDEMARK_ADMIN_TOKEN: ADMIN_TOKEN });
  const deps = { db: t.db, config, log: pino({ level: "silent" }), ...options };
  return { app: createApp(deps), t };
}

describe("rate limits", () => {
  let clock = 0;
  const now = () => clock;
  let t: TestDatabase | undefined;
  afterEach(() => t?.destroy());

  it("answers 429 with the JSON envelope and Retry-After once the read budget is spent", async () => {
    clock = 1_000_000;
    const made = await appWith({ rateLimits: { read: { limit: 2, windowMs: 60_000 } }, now });
    t = made.t;
    expect((await made.app.request("/api/feeds")).status).toBe(200);
    expect((await made.app.request("/api/topics")).status).toBe(200);
    const limited = await made.app.request("/api/feeds");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("30");
    expect(limited.headers.get("x-request-id")).toBeTruthy();
    expect(await limited.json()).toEqual({
      error: {
        code: "rate_limited",
        message: "too many requests: retry in 30 s",
        details: { budget: "read", limit: 2, windowSeconds: 60 },
        requestId: limited.headers.get("x-request-id"),
      },
    });
    clock += 30_000;
    expect((await made.app.request("/api/feeds")).status).toBe(200);
    expect((await made.app.request("/api/feeds")).status).toBe(429);
  });

  it("does not limit requests that carry the admin token", async () => {
    clock = 0;
    const made = await appWith({ rateLimits: { read: { limit: 1, windowMs: 60_000 } }, now });
    t = made.t;
    expect((await made.app.request("/api/feeds")).status).toBe(200);
    expect((await made.app.request("/api/feeds")).status).toBe(429);
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
    for (let i = 0; i < 3; i++)
      expect((await made.app.request("/api/feeds", { headers: admin })).status).toBe(200);
    const wrong = { authorization: "Bearer not-the-token" };
    expect((await made.app.request("/api/feeds", { headers: wrong })).status).toBe(429);
  });

  it("counts every failed authentication against the write limit, reads and links included", async () => {
    clock = 0;
    const made = await appWith({ rateLimits: { write: { limit: 3, windowMs: 60_000 } }, now });
    t = made.t;
    const wrong = { authorization: "Bearer not-the-token-but-long-enough-to-try" };
    expect((await made.app.request("/api/subscriptions", { headers: wrong })).status).toBe(401);
    expect((await made.app.request("/api/subscriptions/1/confirm?token=guess")).status).toBe(404);
    expect((await made.app.request("/api/subscriptions", { headers: wrong })).status).toBe(401);
    expect((await made.app.request("/api/subscriptions", { headers: wrong })).status).toBe(401);
    // Three failures spent the write budget: a fourth guess, by read or by write, is refused unheard.
    const limited = await made.app.request("/api/subscriptions", { headers: wrong });
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.details.budget).toBe("write");
    expect((await made.app.request("/api/feeds/1", { method: "DELETE", headers: wrong })).status).toBe(429);
    // Reads without a credential keep their own budget; the right token is never limited.
    expect((await made.app.request("/api/feeds")).status).toBe(200);
    const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
    expect((await made.app.request("/api/subscriptions", { headers: admin })).status).toBe(200);
  });

  it("keeps a separate, tight budget for public subscriptions", async () => {
    clock = 0;
    const made = await appWith({ rateLimits: { subscribe: { limit: 1, windowMs: 3_600_000 } }, now });
    t = made.t;
    const subscribe = () =>
      made.app.request("/api/subscriptions", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ topic: "r1-release", email: "a@example.com" }),
      });
    expect((await subscribe()).status).not.toBe(429);
    const limited = await subscribe();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3600");
    // Reads have their own budget.
    expect((await made.app.request("/api/feeds")).status).toBe(200);
  });
});

describe("hygiene over a real socket", () => {
  let server: ServerType | undefined;
  let t: TestDatabase | undefined;
  afterEach(async () => {
    // A failed stream test leaves its connection open; close it so the server can stop.
    (server as Server | undefined)?.closeAllConnections();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    t?.destroy();
  });

  async function listen(app: Pick<OpenAPIHono, "fetch">) {
    server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((resolve) => server!.once("listening", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("limits by socket address and ignores X-Forwarded-For", async () => {
    const made = await appWith({ rateLimits: { read: { limit: 1, windowMs: 60_000 } } });
    t = made.t;
    const base = await listen(made.app);
    const first = await fetch(`${base}/api/feeds`, { headers: { "x-forwarded-for": "203.0.113.1" } });
    expect(first.status).toBe(200);
    const second = await fetch(`${base}/api/feeds`, { headers: { "x-forwarded-for": "203.0.113.2" } });
    expect(second.status).toBe(429);
    expect(second.headers.get("retry-after")).toBe("60");
  });

  it("delivers server-sent events as they are written: no ETag buffering, no compression", async () => {
    t = await createTestDatabase();
    const config = loadConfig({ DATABASE_URL: `file:${t.path}` });
    const app = new OpenAPIHono();
    applyMiddleware(app, { db: t.db, config, log: pino({ level: "silent" }) });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    app.get("/api/stream", (c) =>
      streamSSE(c, async (stream) => {
        await stream.writeSSE({ data: "x".repeat(4096), event: "article" });
        // The stream stays open until the client has seen the first event; a buffering layer deadlocks here.
        await held;
      }),
    );
    const base = await listen(app);
    const res = await fetch(`${base}/api/stream`, { headers: { "accept-encoding": "gzip, br" } });
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(res.headers.get("etag")).toBeNull();
    expect(res.headers.get("cache-control")).toBe("no-store");
    const reader = res.body!.getReader();
    let text = "";
    while (!text.includes("\n\n")) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    expect(text).toMatch(/^event: article\ndata: x{4096}\n\n/);
    release();
    await reader.cancel();
  });
});
