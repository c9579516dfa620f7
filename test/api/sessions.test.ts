import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeUser } from "../../db/queries/users";
import { ADMIN_TOKEN } from "../helpers/app";
import {
  type PeopleServer,
  type SignedIn,
  sessionCookie,
  signInAs,
  startPeopleServer,
} from "../helpers/people-server";

const EVENT = { at: "2025-01-20", label: "R1 released" };
const json = { "content-type": "application/json" };

describe("sessions, CSRF and API tokens", { timeout: 60_000 }, () => {
  let s: PeopleServer;
  let admin: SignedIn;
  beforeEach(async () => {
    s = await startPeopleServer();
    await s.addUser("ada", "admin", "ada's long password");
    await s.addUser("vic", "viewer", "vic's long password");
    admin = await signInAs(s, "ada", "ada's long password");
  });
  afterEach(() => s.close());

  const eventCount = async () =>
    ((await (await s.request("/api/events")).json()) as { items: unknown[] }).items.length;
  const postEvent = (headers: Record<string, string>, cookie?: string) =>
    s.request("/api/events", {
      method: "POST",
      headers: { ...json, ...headers },
      body: JSON.stringify(EVENT),
      cookie,
    });

  it("POST /api/session sets an HttpOnly, SameSite=Strict cookie whose id is stored only as a hash", async () => {
    const res = await s.request("/api/session", {
      method: "POST",
      headers: json,
      body: JSON.stringify({ username: "ada", password: "ada's long password" }),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ user: { name: "ada", role: "admin" }, csrfToken: expect.any(String) });
    const header = res.headers.getSetCookie().find((c) => c.startsWith("tidemark_session="))!;
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Strict/);
    expect(header).toMatch(/Path=\//);
    expect(header).not.toMatch(/Secure/);
    const id = sessionCookie(res)!.split("=")[1]!;
    const stored = await s.t.client.execute("SELECT id_hash FROM sessions");
    expect(stored.rows.map((r) => r.id_hash)).not.toContain(id);
    expect(stored.rows).toHaveLength(2);

    const me = await (await s.request("/api/session", { cookie: sessionCookie(res) })).json();
    expect(me).toMatchObject({ user: { name: "ada", role: "admin" }, csrfToken: body.csrfToken });
    expect(await (await s.request("/api/session")).json()).toEqual({
      user: null,
      csrfToken: null,
      expiresAt: null,
    });
  });

  it("the cookie is Secure when TIDEMARK_PUBLIC_URL is https", async () => {
    const https = await startPeopleServer({ TIDEMARK_PUBLIC_URL: "https://tidemark.example.org" });
    try {
      await https.addUser("ada", "admin", "ada's long password");
      const res = await https.request("/api/session", {
        method: "POST",
        headers: json,
        body: JSON.stringify({ username: "ada", password: "ada's long password" }),
      });
      expect(res.headers.getSetCookie().join()).toMatch(/; Secure/);
    } finally {
      await https.close();
    }
  });

  it("a wrong password or an unknown name is a 401 with a JSON error and no cookie", async () => {
    for (const username of ["ada", "nobody"]) {
      const res = await s.request("/api/session", {
        method: "POST",
        headers: json,
        body: JSON.stringify({ username, password: "not the password" }),
      });
      expect(res.status).toBe(401);
      expect((await res.json()).error).toMatchObject({
        code: "unauthorized",
        message: "wrong user name or password",
      });
      expect(sessionCookie(res)).toBeUndefined();
    }
    const empty = await s.request("/api/session", { method: "POST", headers: json, body: "{}" });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toContain("username");
  });

  it("a session's write needs its CSRF token and this site's Origin; without them nothing is written", async () => {
    const missing = await postEvent({}, admin.cookie);
    expect(missing.status).toBe(403);
    expect((await missing.json()).error.message).toContain("missing x-csrf-token");
    const wrong = await postEvent({ "x-csrf-token": "forged" }, admin.cookie);
    expect(wrong.status).toBe(403);
    const crossSite = await postEvent(
      { "x-csrf-token": admin.csrf, origin: "https://evil.example" },
      admin.cookie,
    );
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error.message).toContain("cross-site");
    expect(await eventCount()).toBe(0);

    const ok = await postEvent({ "x-csrf-token": admin.csrf, origin: s.url }, admin.cookie);
    expect(ok.status).toBe(201);
    expect(await eventCount()).toBe(1);
  });

  it("another session's CSRF token does not fit", async () => {
    const other = await signInAs(s, "ada", "ada's long password");
    const res = await postEvent({ "x-csrf-token": other.csrf }, admin.cookie);
    expect(res.status).toBe(403);
    expect(await eventCount()).toBe(0);
  });

  it("viewers read and may not write", async () => {
    const vic = await signInAs(s, "vic", "vic's long password");
    expect((await s.request("/api/feeds", { cookie: vic.cookie })).status).toBe(200);
    const res = await postEvent({ "x-csrf-token": vic.csrf }, vic.cookie);
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatchObject({
      code: "forbidden",
      message: expect.stringContaining("viewers"),
    });
    expect(await eventCount()).toBe(0);
  });

  it("a session expires seven days after sign-in: then 401, and GET /api/session says nobody", async () => {
    s.clock.now += 7 * 24 * 3_600_000 - 1000;
    expect((await postEvent({ "x-csrf-token": admin.csrf }, admin.cookie)).status).toBe(201);
    s.clock.now += 1000;
    const res = await postEvent({ "x-csrf-token": admin.csrf }, admin.cookie);
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toContain("expired");
    expect((await (await s.request("/api/session", { cookie: admin.cookie })).json()).user).toBeNull();
    expect(await eventCount()).toBe(1);
  });

  it("sign-out needs the CSRF token, ends the session server-side and clears the cookie", async () => {
    const forged = await s.request("/api/session", { method: "DELETE", cookie: admin.cookie });
    expect(forged.status).toBe(403);
    expect((await (await s.request("/api/session", { cookie: admin.cookie })).json()).user).not.toBeNull();

    const out = await s.request("/api/session", {
      method: "DELETE",
      cookie: admin.cookie,
      headers: { "x-csrf-token": admin.csrf },
    });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().join()).toMatch(/tidemark_session=;.*Max-Age=0/);
    // The old cookie, replayed, opens nothing.
    const replay = await postEvent({ "x-csrf-token": admin.csrf }, admin.cookie);
    expect(replay.status).toBe(401);
    expect(await eventCount()).toBe(0);
  });

  it("an admin makes API tokens, shown once and stored hashed; read and write scopes hold; revoked ones fail", async () => {
    const make = async (name: string, scope: string) => {
      const res = await s.request("/api/tokens", {
        method: "POST",
        cookie: admin.cookie,
        headers: { ...json, "x-csrf-token": admin.csrf },
        body: JSON.stringify({ name, scope }),
      });
      expect(res.status).toBe(201);
      return (await res.json()) as { id: number; token: string; createdBy: string };
    };
    const reader = await make("grafana", "read");
    const writer = await make("deploy script", "write");
    expect(reader.token).toMatch(/^tdm_[\w-]{43}$/);
    expect(reader.createdBy).toBe("ada");
    const list = await (
      await s.request("/api/tokens", { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    ).json();
    expect(list.items.map((t: { name: string }) => t.name)).toEqual(["deploy script", "grafana"]);
    expect(JSON.stringify(list)).not.toContain(reader.token);
    const stored = await s.t.client.execute("SELECT token_hash FROM api_tokens");
    expect(stored.rows.map((r) => r.token_hash)).not.toContain(reader.token);

    const asReader = { authorization: `Bearer ${reader.token}` };
    expect((await s.request("/api/feeds", { headers: asReader })).status).toBe(200);
    const refused = await postEvent(asReader);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toContain("read scope");
    expect(await eventCount()).toBe(0);
    expect((await postEvent({ authorization: `Bearer ${writer.token}` })).status).toBe(201);

    // A token does not make tokens; a viewer does not either.
    const minted = await s.request("/api/tokens", {
      method: "POST",
      headers: { ...json, authorization: `Bearer ${writer.token}` },
      body: JSON.stringify({ name: "successor", scope: "write" }),
    });
    expect(minted.status).toBe(403);
    const vic = await signInAs(s, "vic", "vic's long password");
    const byViewer = await s.request("/api/tokens", {
      method: "POST",
      cookie: vic.cookie,
      headers: { ...json, "x-csrf-token": vic.csrf },
      body: JSON.stringify({ name: "mine", scope: "read" }),
    });
    expect(byViewer.status).toBe(403);
    const badScope = await s.request("/api/tokens", {
      method: "POST",
      headers: { ...json, authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ name: "x", scope: "admin" }),
    });
    expect(badScope.status).toBe(400);
    expect((await badScope.json()).error.message).toContain("scope");
    expect((await s.t.client.execute("SELECT count(*) AS n FROM api_tokens")).rows[0]!.n).toBe(2);

    const revoked = await s.request(`/api/tokens/${writer.id}`, {
      method: "DELETE",
      cookie: admin.cookie,
      headers: { "x-csrf-token": admin.csrf },
    });
    expect(revoked.status).toBe(204);
    const after = await postEvent({ authorization: `Bearer ${writer.token}` });
    expect(after.status).toBe(401);
    expect((await after.json()).error.message).toContain("revoked");
    expect(await eventCount()).toBe(1);
  });

  it("signing in again from a browser ends the session it had; removing a user ends theirs and their tokens", async () => {
    const again = await s.request("/api/session", {
      method: "POST",
      cookie: admin.cookie,
      headers: json,
      body: JSON.stringify({ username: "ada", password: "ada's long password" }),
    });
    expect(again.status).toBe(200);
    expect((await (await s.request("/api/session", { cookie: admin.cookie })).json()).user).toBeNull();
    const fresh = { cookie: sessionCookie(again)!, csrf: (await again.json()).csrfToken as string };
    const made = await s.request("/api/tokens", {
      method: "POST",
      cookie: fresh.cookie,
      headers: { ...json, "x-csrf-token": fresh.csrf },
      body: JSON.stringify({ name: "ci", scope: "write" }),
    });
    const { token } = await made.json();
    expect((await postEvent({ authorization: `Bearer ${token}` })).status).toBe(201);

    expect(await removeUser(s.t.db, "ada")).toBe(true);
    expect((await (await s.request("/api/session", { cookie: fresh.cookie })).json()).user).toBeNull();
    expect((await postEvent({ authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await s.t.client.execute("SELECT count(*) AS n FROM api_tokens")).rows[0]!.n).toBe(0);
  });

  it("TIDEMARK_ADMIN_TOKEN keeps working for scripts", async () => {
    expect((await postEvent({ authorization: `Bearer ${ADMIN_TOKEN}` })).status).toBe(201);
    expect((await postEvent({ authorization: "Bearer not-the-admin-token-at-all" })).status).toBe(401);
  });
});
