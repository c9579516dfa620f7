import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../core/config";
import { createTopic } from "../../db/queries/topics";
import { alertEvents, subscriptions } from "../../db/schema";
import { createApp } from "../../server/app";
import { ADMIN_TOKEN, createTestApp, type TestApp } from "../helpers/app";

const SMTP = { SMTP_URL: "smtp://127.0.0.1:2525" };
const json = { "content-type": "application/json" };

describe("/api/subscriptions", () => {
  let api: TestApp;
  beforeEach(async () => {
    api = await createTestApp(SMTP);
    await createTopic(api.t.db, { slug: "nvidia", name: "Nvidia", color: "#000000", query: "nvidia" });
  });
  afterEach(() => api.t.destroy());

  const post = (body: unknown, headers: Record<string, string> = json, app = api.app) =>
    app.request("/api/subscriptions", { method: "POST", headers, body: JSON.stringify(body) });
  const webhook = (url = "https://hooks.example.org/tidemark", extra = {}) =>
    post({ topic: "nvidia", channel: "webhook", url, ...extra }, api.admin);
  const email = (address = "reader@example.org", extra = {}) =>
    post({ topic: "nvidia", channel: "email", email: address, ...extra });
  const errorOf = async (res: Response) =>
    ((await res.json()) as { error: { code: string; message: string } }).error;

  it("POST a webhook answers 201 with a whsec_ secret and a token, and the subscription is active", async () => {
    const res = await webhook("https://hooks.example.org/x#frag", { mode: "spike" });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ topic: "nvidia", channel: "webhook", mode: "spike", status: "active" });
    expect(body.url).toBe("https://hooks.example.org/x");
    expect(body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(Buffer.from(String(body.secret).slice(6), "base64")).toHaveLength(24);
    expect(String(body.token).length).toBeGreaterThanOrEqual(32);
    expect(await api.t.db.select().from(alertEvents)).toEqual([]);
  });

  it("POST a webhook needs the admin token: 401 without or wrong, 403 when admin is off", async () => {
    const body = { topic: "nvidia", channel: "webhook", url: "https://hooks.example.org/x" };
    expect((await post(body)).status).toBe(401);
    expect((await post(body, { ...json, authorization: "Bearer nope" })).status).toBe(401);
    const off = await createTestApp({ ...SMTP, TIDEMARK_ADMIN_TOKEN: "" });
    try {
      const res = await post(body, { ...json, authorization: "Bearer x" }, off.app);
      expect(res.status).toBe(403);
      expect((await errorOf(res)).message).toContain("TIDEMARK_ADMIN_TOKEN");
    } finally {
      off.t.destroy();
    }
  });

  it("POST a webhook to a private, loopback, metadata or local address is a 400 naming url", async () => {
    for (const url of [
      "http://127.0.0.1:8080/hook",
      "http://[::1]/hook",
      "http://169.254.169.254/latest/meta-data",
      "http://10.1.2.3/hook",
      "http://0x7f.1/hook",
      "http://localhost:3000/hook",
      "http://metadata.google.internal/",
      "ftp://hooks.example.org/x",
      "https://user:pw@hooks.example.org/x",
      "not a url",
    ]) {
      const res = await webhook(url);
      expect(res.status, url).toBe(400);
      expect((await errorOf(res)).message, url).toMatch(/^url: /);
    }
  });

  it("POST a webhook to a private address is allowed with TIDEMARK_ALLOW_PRIVATE_URLS=1", async () => {
    const open = await createTestApp({ TIDEMARK_ALLOW_PRIVATE_URLS: "1" });
    try {
      await createTopic(open.t.db, { slug: "nvidia", name: "Nvidia", color: "#000000", query: "nvidia" });
      const res = await post(
        { topic: "nvidia", channel: "webhook", url: "http://127.0.0.1:9/h" },
        open.admin,
        open.app,
      );
      expect(res.status).toBe(201);
    } finally {
      open.t.destroy();
    }
  });

  it("POST with a bad body is a 400 naming the field", async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ topic: "nvidia", channel: "webhook" }, "url"],
      [{ topic: "nvidia", channel: "email", email: "not-an-address" }, "email"],
      [{ topic: "nvidia", channel: "email", email: "a@example.org", url: "https://x.example" }, "url"],
      [{ topic: "nope", channel: "email", email: "a@example.org" }, "topic"],
      [{ topic: "nvidia", channel: "email", email: "a@example.org", mode: "hourly" }, "mode"],
      [
        { topic: "nvidia", channel: "email", email: "a@example.org", mode: "digest", tz: "Mars/Olympus" },
        "tz",
      ],
      [
        { topic: "nvidia", channel: "email", email: "a@example.org", mode: "digest", digestHour: 24 },
        "digestHour",
      ],
      [{ topic: "nvidia", channel: "sms" }, "channel"],
    ];
    for (const [body, field] of cases) {
      const res = await post(body, api.admin);
      expect(res.status, field).toBe(400);
      expect((await errorOf(res)).message, field).toContain(`${field}:`);
    }
  });

  it("POST an email stores it unconfirmed with one confirm event, answers only its status, and repeats add nothing", async () => {
    const res = await email("Reader@Example.ORG", { mode: "digest", digestHour: 7, tz: "Europe/Berlin" });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toEqual({ status: "pending-confirmation" });
    const [row] = await api.t.db.select().from(subscriptions);
    expect(row).toMatchObject({
      email: "Reader@example.org",
      confirmedAt: null,
      digestHour: 7,
      tz: "Europe/Berlin",
    });
    expect(JSON.stringify(body)).not.toContain(row!.token);
    const again = await email("reader@example.org", { mode: "digest" });
    expect(await again.json()).toEqual(body);
    const events = await api.t.db.select().from(alertEvents);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: "subscription.confirm",
      dedupeKey: "confirm",
      status: "pending",
    });
  });

  it("POST an email without SMTP_URL is a 503 that says how to configure it", async () => {
    const bare = await createTestApp();
    try {
      await createTopic(bare.t.db, { slug: "nvidia", name: "Nvidia", color: "#000000", query: "nvidia" });
      const res = await post({ topic: "nvidia", channel: "email", email: "a@example.org" }, json, bare.app);
      expect(res.status).toBe(503);
      const error = await errorOf(res);
      expect(error.code).toBe("email_unavailable");
      expect(error.message).toContain("SMTP_URL");
    } finally {
      bare.t.destroy();
    }
  });

  it("POST an email spends the tight subscribe budget: 429 with Retry-After once it is gone", async () => {
    const config = loadConfig({ DATABASE_URL: `file:${api.t.path}`, ...SMTP });
    const app = createApp({
      db: api.t.db,
      config,
      log: pino({ level: "silent" }),
      rateLimits: { subscribe: { limit: 2, windowMs: 3_600_000 } },
    });
    const body = (n: number) => ({ topic: "nvidia", channel: "email", email: `r${n}@example.org` });
    expect((await post(body(1), json, app)).status).toBe(201);
    expect((await post(body(2), json, app)).status).toBe(201);
    const limited = await post(body(3), json, app);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("GET /api/subscriptions lists them for the admin without secrets or tokens", async () => {
    const hook = (await (await webhook()).json()) as { secret: string; token: string };
    await email();
    expect((await api.app.request("/api/subscriptions")).status).toBe(401);
    const res = await api.app.request("/api/subscriptions?limit=1", { headers: api.admin });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: Array<Record<string, unknown>>; nextCursor: string };
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ channel: "email", status: "pending-confirmation" });
    const next = await api.app.request(`/api/subscriptions?cursor=${page.nextCursor}`, {
      headers: api.admin,
    });
    const rest = (await next.json()) as { items: Array<Record<string, unknown>>; nextCursor: null };
    expect(rest.items.map((s) => s.channel)).toEqual(["webhook"]);
    expect(rest.nextCursor).toBeNull();
    const text = JSON.stringify([page, rest]);
    expect(text).not.toContain(hook.secret);
    expect(text).not.toContain(hook.token);
    expect((await api.app.request("/api/subscriptions?cursor=abc", { headers: api.admin })).status).toBe(400);
  });

  it("GET deliveries shows the delivery log to the admin, 404 for an unknown subscription", async () => {
    await email();
    const { id } = (await api.t.db.select().from(subscriptions))[0]!;
    expect((await api.app.request(`/api/subscriptions/${id}/deliveries`)).status).toBe(401);
    const res = await api.app.request(`/api/subscriptions/${id}/deliveries`, { headers: api.admin });
    expect(res.status).toBe(200);
    const { items, nextCursor } = (await res.json()) as {
      items: Array<Record<string, unknown>>;
      nextCursor: null;
    };
    expect(nextCursor).toBeNull();
    expect(items).toEqual([
      {
        id: expect.any(String),
        type: "subscription.confirm",
        dedupeKey: "confirm",
        status: "pending",
        attempts: 0,
        lastStatus: null,
        lastError: null,
        createdAt: expect.any(String),
        nextAttemptAt: expect.any(String),
        deliveredAt: null,
      },
    ]);
    expect((await api.app.request("/api/subscriptions/999/deliveries", { headers: api.admin })).status).toBe(
      404,
    );
  });

  it("answers a known address exactly as a new one, so the answer tells no stranger who subscribed", async () => {
    const known = await email("known@example.org");
    const [row] = await api.t.db.select().from(subscriptions);
    await api.t.db.update(subscriptions).set({ confirmedAt: 1 });
    const again = await email("known@example.org");
    const fresh = await email("fresh@example.org");
    expect([known.status, again.status, fresh.status]).toEqual([201, 201, 201]);
    const bodies = [await known.text(), await again.text(), await fresh.text()];
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).not.toContain(String(row!.id));
  });

  it("confirm: GET and HEAD show a Confirm button and change nothing; the button's POST confirms", async () => {
    await email();
    const [row] = await api.t.db.select().from(subscriptions);
    const { id } = row!;
    const token = encodeURIComponent(row!.token);
    const link = `/api/subscriptions/${id}/confirm?token=${token}`;
    expect((await api.app.request(link, { method: "HEAD" })).status).toBe(200);
    const page = await api.app.request(link);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain("Nvidia");
    expect(html).toContain(`<form method="post" action="/api/subscriptions/${id}/confirm?token=${token}">`);
    const asJson = await api.app.request(link, { headers: { accept: "application/json" } });
    expect(await asJson.json()).toEqual({ id, status: "pending-confirmation" });
    // A mail scanner fetching the link, however often, confirms nothing.
    expect((await api.t.db.select().from(subscriptions))[0]!.confirmedAt).toBeNull();

    const confirmed = await api.app.request(link, {
      method: "POST",
      headers: { accept: "application/json" },
    });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toEqual({ id, status: "active" });
    expect((await api.t.db.select().from(subscriptions))[0]!.confirmedAt).toEqual(expect.any(Number));
    expect(await (await api.app.request(link)).text()).toContain("Subscription confirmed");
  });

  it("confirm by form post: the token may come in the form; 403 wrong, 400 missing on GET, 404 unknown, 410 cancelled", async () => {
    await email();
    const [row] = await api.t.db.select().from(subscriptions);
    const { id } = row!;
    const token = encodeURIComponent(row!.token);
    expect((await api.app.request(`/api/subscriptions/${id}/confirm?token=wrong`)).status).toBe(403);
    expect(
      (await api.app.request(`/api/subscriptions/${id}/confirm?token=wrong`, { method: "POST" })).status,
    ).toBe(403);
    expect((await api.app.request(`/api/subscriptions/${id}/confirm`)).status).toBe(400);
    expect((await api.app.request(`/api/subscriptions/${id}/confirm`, { method: "POST" })).status).toBe(403);
    expect((await api.app.request(`/api/subscriptions/999/confirm?token=${token}`)).status).toBe(404);
    const form = await api.app.request(`/api/subscriptions/${id}/confirm`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `token=${token}`,
    });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain("Subscription confirmed");
    await api.app.request(`/api/subscriptions/${id}`, { method: "DELETE", headers: api.admin });
    const link = `/api/subscriptions/${id}/confirm?token=${token}`;
    expect((await api.app.request(link)).status).toBe(410);
    expect((await api.app.request(link, { method: "POST" })).status).toBe(410);
  });

  it("DELETE takes the admin token or the subscription's own token (bearer or ?token=), and cancels pending events", async () => {
    const a = (await (await webhook()).json()) as { id: number; token: string };
    const b = (await (await webhook()).json()) as { id: number; token: string };
    await email();
    const c = (await api.t.db.select().from(subscriptions)).find((row) => row.channel === "email")!;
    const del = (path: string, headers: Record<string, string> = {}) =>
      api.app.request(path, { method: "DELETE", headers });
    expect((await del(`/api/subscriptions/${a.id}`)).status).toBe(401);
    expect((await del(`/api/subscriptions/${a.id}`, { authorization: `Bearer ${b.token}` })).status).toBe(
      401,
    );
    expect((await del(`/api/subscriptions/${a.id}?token=${b.token}`)).status).toBe(401);
    expect((await del(`/api/subscriptions/${a.id}`, { authorization: `Bearer ${a.token}` })).status).toBe(
      204,
    );
    expect((await del(`/api/subscriptions/${b.id}?token=${encodeURIComponent(b.token)}`)).status).toBe(204);
    expect((await del(`/api/subscriptions/${c.id}`, { authorization: `Bearer ${ADMIN_TOKEN}` })).status).toBe(
      204,
    );
    expect((await del("/api/subscriptions/999", { authorization: `Bearer ${ADMIN_TOKEN}` })).status).toBe(
      404,
    );
    const rows = await api.t.db.select().from(subscriptions);
    expect(rows.map((r) => r.cancelReason)).toEqual(["unsubscribed", "unsubscribed", "cancelled by admin"]);
    expect((await api.t.db.select().from(alertEvents)).map((e) => e.status)).toEqual(["cancelled"]);
  });

  it("the unsubscribe link answers a page with a button and acts only on POST; a wrong token is a 403", async () => {
    const { id, token } = (await (await webhook()).json()) as { id: number; token: string };
    const path = `/api/subscriptions/${id}/unsubscribe?token=${encodeURIComponent(token)}`;
    expect((await api.app.request(`/api/subscriptions/${id}/unsubscribe?token=x`)).status).toBe(403);
    const page = await api.app.request(path);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("form-action 'self'");
    expect((await api.t.db.select().from(subscriptions))[0]!.cancelledAt).toBeNull();
    expect(
      (await api.app.request(`/api/subscriptions/${id}/unsubscribe?token=x`, { method: "POST" })).status,
    ).toBe(403);
    const form = await api.app.request(`/api/subscriptions/${id}/unsubscribe`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: `token=${encodeURIComponent(token)}`,
    });
    expect(form.status).toBe(200);
    expect(await form.json()).toEqual({ id, status: "cancelled" });
    expect((await api.t.db.select().from(subscriptions))[0]!.cancelledAt).toEqual(expect.any(Number));
  });

  it("the OpenAPI document describes every subscription route", async () => {
    const doc = (await (await api.app.request("/api/openapi.json")).json()) as {
      paths: Record<string, object>;
    };
    expect(
      Object.keys(doc.paths)
        .filter((p) => p.startsWith("/api/subscriptions"))
        .sort(),
    ).toEqual([
      "/api/subscriptions",
      "/api/subscriptions/{id}",
      "/api/subscriptions/{id}/confirm",
      "/api/subscriptions/{id}/deliveries",
      "/api/subscriptions/{id}/unsubscribe",
    ]);
  });
});
