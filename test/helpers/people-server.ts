import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import pino from "pino";
import { loadConfig } from "../../core/config";
import { hashPassword } from "../../core/people/password-hash";
import { createUser } from "../../db/queries/users";
import type { UserRole } from "../../db/schema";
import { createApp } from "../../server/app";
import { ADMIN_TOKEN } from "./app";
import { createTestDatabase, type TestDatabase } from "./db";

export interface PeopleServer {
  url: string;
  t: TestDatabase;
  /** The server's clock: tests move it instead of waiting. */
  clock: { now: number };
  addUser(name: string, role: UserRole, password: string): Promise<void>;
  /** fetch against the server, with a session cookie when given. */
  request(path: string, init?: RequestInit & { cookie?: string }): Promise<Response>;
  close(): Promise<void>;
}

/** The real app on 127.0.0.1 over a fresh database, with a clock the test moves and roomy rate limits. */
export async function startPeopleServer(
  env: Record<string, string> = {},
  options: { writeLimit?: number } = {},
): Promise<PeopleServer> {
  const t = await createTestDatabase();
  const config = loadConfig({ DATABASE_URL: `file:${t.path}`, TIDEMARK_ADMIN_TOKEN: ADMIN_TOKEN, ...env });
  const clock = { now: Date.UTC(2026, 0, 5, 12) };
  const app = createApp({
    db: t.db,
    config,
    log: pino({ level: "silent" }),
    now: () => clock.now,
    rateLimits: { write: { limit: options.writeLimit ?? 10_000, windowMs: 60_000 } },
  });
  const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    t,
    clock,
    async addUser(name, role, password) {
      await createUser(t.db, { name, role, passwordHash: await hashPassword(password) }, clock.now);
    },
    request(path, init = {}) {
      const headers = new Headers(init.headers);
      if (init.cookie) headers.set("cookie", init.cookie);
      return fetch(`${url}${path}`, { ...init, headers, redirect: "manual" });
    },
    async close() {
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      t.destroy();
    },
  };
}

/** The `name=value` of a response's session cookie, to send back. */
export function sessionCookie(res: Response): string | undefined {
  const header = res.headers.getSetCookie().find((c) => c.startsWith("tidemark_session="));
  return header?.split(";")[0];
}

export interface SignedIn {
  cookie: string;
  csrf: string;
}

export async function signInAs(server: PeopleServer, username: string, password: string): Promise<SignedIn> {
  const res = await server.request("/api/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: sessionCookie(res)!, csrf: body.csrfToken };
}
