import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../core/config";
import { createApp } from "../../server/app";
import { forwardedClient } from "../../server/client-address";
import { DEFAULT_STREAM_CAPS } from "../../server/stream/connection-limits";
import { createTestApp, type TestApp } from "../helpers/app";
import { createTestDatabase } from "../helpers/db";

/** The app on a real socket at 127.0.0.1, so the peer address is real; reads limited to 2 a minute. */
async function listen(
  env: Record<string, string>,
): Promise<{ s: TestApp; server: ServerType; base: string }> {
  const s = await createTestApp({ TIDEMARK_RATE_LIMIT: "2", ...env });
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: s.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(started));
  });
  return { s, server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const statusFor = async (base: string, forwardedFor?: string) =>
  (await fetch(`${base}/api/health`, { headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} }))
    .status;

describe("client addresses behind a reverse proxy", () => {
  let running: { s: TestApp; server: ServerType } | undefined;
  afterEach(async () => {
    await new Promise((resolve) => running?.server.close(resolve));
    running?.s.t.destroy();
    running = undefined;
  });

  it("gives each forwarded client its own read budget when the peer is a trusted proxy", async () => {
    const { base, ...rest } = await listen({ TIDEMARK_TRUSTED_PROXIES: "127.0.0.1" });
    running = rest;
    expect(await statusFor(base, "203.0.113.5")).toBe(200);
    expect(await statusFor(base, "203.0.113.5")).toBe(200);
    expect(await statusFor(base, "203.0.113.5")).toBe(429);
    // Another client behind the same proxy is not held back by the first one's budget.
    expect(await statusFor(base, "203.0.113.6")).toBe(200);
    // A client that writes its own X-Forwarded-For is still known by the address the proxy appended.
    expect(await statusFor(base, "198.51.100.1, 203.0.113.5")).toBe(429);
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", async () => {
    const { base, ...rest } = await listen({ TIDEMARK_TRUSTED_PROXIES: "10.0.0.0/8, ::1" });
    running = rest;
    expect(await statusFor(base, "203.0.113.7")).toBe(200);
    expect(await statusFor(base, "203.0.113.8")).toBe(200);
    // Changing the header does not buy a new budget: the key is the socket's peer, 127.0.0.1.
    expect(await statusFor(base, "203.0.113.9")).toBe(429);
  });

  it("ignores X-Forwarded-For when no proxy is trusted", async () => {
    const { base, ...rest } = await listen({});
    running = rest;
    expect(await statusFor(base, "203.0.113.10")).toBe(200);
    expect(await statusFor(base, "203.0.113.11")).toBe(200);
    expect(await statusFor(base)).toBe(429);
  });
});

describe("client addresses behind a reverse proxy, in stream caps and logs", () => {
  let running: { server: ServerType; close: () => void } | undefined;
  afterEach(async () => {
    running?.close();
    await new Promise((resolve) => running?.server.close(resolve));
    if (running && "closeAllConnections" in running.server) running.server.closeAllConnections();
    running = undefined;
  });

  it("caps open streams per forwarded client, and logs each request with that client", async () => {
    const lines: Array<{ msg?: string; client?: string; path?: string }> = [];
    const t = await createTestDatabase();
    const config = loadConfig({ DATABASE_URL: `file:${t.path}`, TIDEMARK_TRUSTED_PROXIES: "127.0.0.1" });
    const log = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const app = createApp({ db: t.db, config, log });
    const server = await new Promise<ServerType>((resolve) => {
      const started = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(started));
    });
    const aborts = new AbortController();
    running = {
      server,
      close: () => {
        aborts.abort();
        t.destroy();
      },
    };
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const open = (client: string) =>
      fetch(`${base}/api/stream`, { headers: { "x-forwarded-for": client }, signal: aborts.signal });

    const first = await Promise.all(
      Array.from({ length: DEFAULT_STREAM_CAPS.perClient }, () => open("203.0.113.20")),
    );
    expect(first.map((res) => res.status)).toEqual(first.map(() => 200));
    const over = await open("203.0.113.20");
    expect(over.status).toBe(429);
    expect(((await over.json()) as { error: { details: unknown } }).error.details).toEqual({
      reason: "client",
    });
    // Another client behind the same proxy still gets its stream.
    expect((await open("203.0.113.21")).status).toBe(200);

    const logged = lines.filter((line) => line.msg === "request" && line.path === "/api/stream");
    expect(logged.map((line) => line.client)).toContain("203.0.113.20");
  });
});

describe("forwardedClient", () => {
  const trusted = loadConfig({ TIDEMARK_TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8, fd00::/8" }).trustedProxies;
  const resolve = forwardedClient(trusted);

  it("takes the rightmost address that is not a trusted proxy", () => {
    expect(resolve("127.0.0.1", "203.0.113.5")).toBe("203.0.113.5");
    expect(resolve("::ffff:127.0.0.1", "198.51.100.1, 203.0.113.5, 10.1.2.3")).toBe("203.0.113.5");
    expect(resolve("10.0.0.1", "2001:db8::1, fd00::2")).toBe("2001:db8::1");
  });

  it("keeps the peer when it is not trusted, and stops at a malformed hop", () => {
    expect(resolve("192.0.2.1", "203.0.113.5")).toBe("192.0.2.1");
    expect(resolve("127.0.0.1", undefined)).toBe("127.0.0.1");
    expect(resolve("127.0.0.1", "203.0.113.5, unknown")).toBe("127.0.0.1");
    expect(resolve("127.0.0.1", "unknown, 10.0.0.7")).toBe("10.0.0.7");
    // Every hop a trusted proxy: the farthest one is the best answer there is.
    expect(resolve("127.0.0.1", "10.0.0.9, 10.0.0.8")).toBe("10.0.0.9");
  });

  it("is refused at start for an entry that is not an address or network", () => {
    expect(() => loadConfig({ TIDEMARK_TRUSTED_PROXIES: "nginx" })).toThrow(
      /TIDEMARK_TRUSTED_PROXIES: "nginx" is not/,
    );
    expect(() => loadConfig({ TIDEMARK_TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(/TIDEMARK_TRUSTED_PROXIES/);
  });
});
