import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getUserByName } from "../../db/queries/users";
import { type PeopleServer, sessionCookie, signInAs, startPeopleServer } from "../helpers/people-server";

const json = { "content-type": "application/json" };

/** One of every kind of read route: JSON lists, CSV and OPML exports, Atom, the stream, metrics, the dashboard. */
const READS = [
  "/api/feeds",
  "/api/feeds/export",
  "/api/articles",
  "/api/topics",
  "/api/coverage",
  "/api/coverage?format=csv",
  "/api/events",
  "/api/outages",
  "/api/concepts",
  "/api/topics/r1-release/feed.atom",
  "/api/topics/r1-release/terms",
  "/api/topics/r1-release/misses",
  "/api/topics/r1-release/spread",
  "/api/subscriptions",
  "/api/stream",
  "/metrics",
];

describe("TIDEMARK_PUBLIC=0", { timeout: 60_000 }, () => {
  let s: PeopleServer;
  beforeEach(async () => {
    s = await startPeopleServer({ TIDEMARK_PUBLIC: "0" });
    await s.addUser("vic", "viewer", "vic's long password");
  });
  afterEach(() => s.close());

  it("every read route answers 401 with a JSON error to anyone without a session or token", async () => {
    for (const path of READS) {
      const res = await s.request(path);
      expect([path, res.status]).toEqual([path, 401]);
      expect((await res.json()).error.code).toBe("unauthorized");
    }
    const expired = await s.request("/api/articles", { cookie: "tidemark_session=made-up" });
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.message).toContain("expired");
  });

  it("a viewer's session opens every read route", async () => {
    const vic = await signInAs(s, "vic", "vic's long password");
    for (const path of READS.filter((p) => p !== "/api/subscriptions")) {
      const controller = new AbortController();
      const res = await s.request(path, { cookie: vic.cookie, signal: controller.signal });
      // Reached the route: its own answer (a 404 for the unseeded topic), never the gate's 401.
      expect([path, res.status === 401]).toEqual([path, false]);
      controller.abort();
    }
    // Listing subscriptions is an admin's business even when signed in.
    expect((await s.request("/api/subscriptions", { cookie: vic.cookie })).status).toBe(403);
  });

  it("the dashboard sends a browser to /signin, which remembers where it was going", async () => {
    const res = await s.request("/?topics=r1-release");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/signin?next=${encodeURIComponent("/?topics=r1-release")}`);
  });

  it("/signin sends a signed-in browser on, and one that came from another site back once to carry its cookie", async () => {
    const vic = await signInAs(s, "vic", "vic's long password");
    const signedIn = await s.request("/signin?next=%2F%3Frange%3D30d", { cookie: vic.cookie });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("location")).toBe("/?range=30d");

    const fromElsewhere = await s.request("/signin?next=%2F", {
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(await fromElsewhere.text()).toContain(
      'http-equiv="refresh" content="0;url=/signin?next=%2F&amp;again=1"',
    );
    const again = await s.request("/signin?next=%2F&again=1", {
      headers: { "sec-fetch-site": "same-origin" },
    });
    expect(await again.text()).toContain('<form method="post" action="/signin">');
  });

  it("health, sign-in, the API's description and mail links stay open", async () => {
    for (const path of ["/api/health", "/signin", "/api/session", "/api/openapi.json"]) {
      expect([path, (await s.request(path)).status]).toEqual([path, 200]);
    }
    // A confirm link reaches its route (404: no such subscription), not the gate.
    expect((await s.request("/api/subscriptions/99/confirm?token=x")).status).toBe(404);
  });

  it("an email subscription needs a session or token, and nothing is written without one", async () => {
    const res = await s.request("/api/subscriptions", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ topic: "r1-release", channel: "email", mode: "digest", email: "a@example.org" }),
    });
    expect(res.status).toBe(401);
    expect((await s.t.client.execute("SELECT count(*) AS n FROM subscriptions")).rows[0]!.n).toBe(0);
  });

  it("TIDEMARK_PUBLIC=1 (the default) leaves reads open", async () => {
    const open = await startPeopleServer();
    try {
      expect((await open.request("/api/articles")).status).toBe(200);
      expect((await open.request("/")).status).not.toBe(302);
    } finally {
      await open.close();
    }
  });
});

describe("sign-in throttles", { timeout: 60_000 }, () => {
  let s: PeopleServer;
  beforeEach(async () => {
    s = await startPeopleServer();
    await s.addUser("ada", "admin", "ada's long password");
  });
  afterEach(() => s.close());

  const attempt = (username: string, password: string) =>
    s.request("/api/session", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ username, password }),
    });

  it("an account locks after 5 failures: 429 even for the right password, for 1 min, then 2 min after the next", async () => {
    for (let i = 1; i <= 5; i++) {
      expect((await attempt("ada", `wrong ${i}`)).status).toBe(401);
      expect((await getUserByName(s.t.db, "ada"))!.failedSignIns).toBe(i);
    }
    const locked = await attempt("ada", "ada's long password");
    expect(locked.status).toBe(429);
    const body = await locked.json();
    expect(body.error).toMatchObject({ code: "rate_limited", details: { retryAfter: 60 } });
    expect(body.error.message).toContain("account is locked");
    expect(sessionCookie(locked)).toBeUndefined();

    s.clock.now += 61_000;
    expect((await attempt("ada", "wrong 6")).status).toBe(401);
    expect((await getUserByName(s.t.db, "ada"))!.lockedUntil).toBe(s.clock.now + 120_000);
    s.clock.now += 121_000;
    const ok = await attempt("ada", "ada's long password");
    expect(ok.status).toBe(200);
    expect(await getUserByName(s.t.db, "ada")).toMatchObject({ failedSignIns: 0, lockedUntil: null });
  });

  it("an address is slowed after 20 failures whatever names it tries, even for a right password", async () => {
    for (let i = 1; i <= 20; i++) expect((await attempt(`guess${i}`, "password1234")).status).toBe(401);
    const res = await attempt("ada", "ada's long password");
    expect(res.status).toBe(429);
    expect((await res.json()).error.message).toContain("from your address");
    // The account itself was never tried: its own counter is untouched.
    expect((await getUserByName(s.t.db, "ada"))!.failedSignIns).toBe(0);
    s.clock.now += 61_000;
    expect((await attempt("ada", "ada's long password")).status).toBe(200);
  });

  it("the /signin page answers the same rules as HTML and redirects only to this server's paths", async () => {
    const form = (fields: Record<string, string>) =>
      s.request("/signin", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
      });
    const wrong = await form({ username: "ada", password: "wrong password", next: "/" });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("content-type")).toContain("text/html");
    expect(await wrong.text()).toContain("wrong user name or password");

    const escaped = await form({ username: "<script>x</script>", password: "wrong password" });
    expect(await escaped.text()).toContain("&lt;script&gt;x&lt;/script&gt;");

    const ok = await form({ username: "ada", password: "ada's long password", next: "//evil.example/" });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/");
    expect(sessionCookie(ok)).toBeDefined();
    const next = await form({ username: "ada", password: "ada's long password", next: "/?range=30d" });
    expect(next.headers.get("location")).toBe("/?range=30d");
    const crossSite = await s.request("/signin", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
      body: new URLSearchParams({ username: "ada", password: "ada's long password" }).toString(),
    });
    expect(crossSite.status).toBe(403);
    expect(sessionCookie(crossSite)).toBeUndefined();
  });
});
