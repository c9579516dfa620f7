import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "../../core/people/password-hash";
import { getFeed } from "../../db/queries/feeds";
import { createUser } from "../../db/queries/users";
import { createTestApp, type TestApp } from "../helpers/app";
import { makeFeed } from "../helpers/factories";
import { type FeedServer, startFeedServer } from "../helpers/feed-server";
import { rss, storyItems } from "../helpers/feed-xml";

describe("managing feeds: PATCH /api/feeds/:id, POST /api/feeds/:id/fetch, folders", {
  timeout: 60_000,
}, () => {
  let s: TestApp;
  let feeds: FeedServer | undefined;
  beforeEach(async () => {
    s = await createTestApp({ TIDEMARK_ALLOW_PRIVATE_URLS: "1" });
  });
  afterEach(async () => {
    await feeds?.close();
    feeds = undefined;
    s.t.destroy();
  });

  const patch = (id: number | string, body: unknown, headers = s.admin) =>
    s.app.request(`/api/feeds/${id}`, { method: "PATCH", headers, body: JSON.stringify(body) });

  /** A signed-in viewer's cookie and CSRF token, as the dashboard holds them. */
  async function viewerSession(): Promise<Record<string, string>> {
    await createUser(
      s.t.db,
      { name: "vera", role: "viewer", passwordHash: await hashPassword("vera's password") },
      Date.now(),
    );
    const res = await s.app.request("/api/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "vera", password: "vera's password" }),
    });
    const cookie = res.headers.getSetCookie()[0]!.split(";")[0]!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" };
  }

  it("PATCH changes name, language, country and folder, clears with null and keeps what it leaves out", async () => {
    const feed = await makeFeed(s.t.db, { name: "Old", lang: "en", country: "GB" });
    const res = await patch(feed.id, {
      name: "  Guardian Tech ",
      lang: "pt-BR",
      country: "br",
      folder: "Tech",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      name: "Guardian Tech",
      lang: "pt-BR",
      country: "BR",
      folder: "Tech",
    });
    const cleared = await (await patch(feed.id, { country: null, folder: null })).json();
    expect(cleared).toMatchObject({ name: "Guardian Tech", lang: "pt-BR", country: null, folder: null });
  });

  it("PATCH pauses and resumes a feed; resuming makes it due at once", async () => {
    const feed = await makeFeed(s.t.db);
    const paused = await (await patch(feed.id, { enabled: false })).json();
    expect(paused).toMatchObject({ enabled: false, nextFetchAt: null });
    const list = await (await s.app.request("/api/feeds")).json();
    expect(list.items[0].enabled).toBe(false);
    const resumed = await (await patch(feed.id, { enabled: true })).json();
    expect(resumed.enabled).toBe(true);
    expect(Date.parse(resumed.nextFetchAt)).toBeLessThanOrEqual(Date.now());
  });

  it.each([
    [{ lang: "english" }, /^lang: a BCP 47 language tag/],
    [{ country: "Germany" }, /^country: an ISO 3166-1 alpha-2/],
    [{ name: "" }, /^name:/],
    [{ folder: "a\u0007b" }, /^folder: must not contain control characters/],
    [{ enabled: "no" }, /^enabled:/],
    [{ url: "https://elsewhere.example/feed" }, /url/],
  ])("PATCH %j is a 400 naming the field, and nothing changes", async (body, message) => {
    const feed = await makeFeed(s.t.db, { name: "Kept", lang: "en" });
    const res = await patch(feed.id, body);
    expect(res.status).toBe(400);
    const error = (await res.json()).error;
    expect(error.code).toBe("invalid_request");
    expect(error.message).toMatch(message);
    expect(await getFeed(s.t.db, feed.id)).toMatchObject({ name: "Kept", lang: "en", url: feed.url });
  });

  it("PATCH answers 404 for an unknown feed and 400 for a bad id", async () => {
    expect((await patch(9999, { name: "x" })).status).toBe(404);
    const bad = await patch("1e0", { name: "x" });
    expect((await bad.json()).error.message).toMatch(/^id:/);
  });

  it("anonymous callers get 401 and viewers 403 on PATCH, fetch and DELETE; nothing is written", async () => {
    const feed = await makeFeed(s.t.db, { name: "Kept" });
    const anonymous = { "content-type": "application/json" };
    expect((await patch(feed.id, { name: "x" }, anonymous)).status).toBe(401);
    const viewer = await viewerSession();
    const asViewer = await patch(feed.id, { name: "x", enabled: false }, viewer);
    expect(asViewer.status).toBe(403);
    expect((await asViewer.json()).error.message).toContain("viewers read");
    for (const headers of [anonymous, viewer]) {
      const fetched = await s.app.request(`/api/feeds/${feed.id}/fetch`, { method: "POST", headers });
      expect([401, 403]).toContain(fetched.status);
      const deleted = await s.app.request(`/api/feeds/${feed.id}`, { method: "DELETE", headers });
      expect([401, 403]).toContain(deleted.status);
    }
    expect(await getFeed(s.t.db, feed.id)).toMatchObject({
      name: "Kept",
      enabled: true,
      lastFetchedAt: null,
    });
  });

  it("POST /fetch fetches the feed now and answers with the outcome and its new health", async () => {
    feeds = await startFeedServer({
      "/feed.xml": (_req, res) =>
        res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss("Now", storyItems("now", 3))),
    });
    const feed = await makeFeed(s.t.db, { url: feeds.url("/feed.xml") });
    const res = await s.app.request(`/api/feeds/${feed.id}/fetch`, { method: "POST", headers: s.admin });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      result: "stored",
      articlesAdded: 3,
      feed: { id: feed.id, articleCount: 3, lastStatus: 200 },
    });
    expect(feeds.requests).toHaveLength(1);
  });

  it("POST /fetch of a failing feed answers 200 with result failed and the feed's error", async () => {
    feeds = await startFeedServer({ "/gone.xml": (_req, res) => res.writeHead(500).end("down") });
    const feed = await makeFeed(s.t.db, { url: feeds.url("/gone.xml") });
    const body = await (
      await s.app.request(`/api/feeds/${feed.id}/fetch`, { method: "POST", headers: s.admin })
    ).json();
    expect(body.result).toBe("failed");
    expect(body.feed.lastError).toContain("500");
  });

  it("POST /fetch is a 409 for a paused feed and a 404 for an unknown one, and fetches nothing", async () => {
    feeds = await startFeedServer({ "/feed.xml": (_req, res) => res.writeHead(200).end(rss("x", [])) });
    const feed = await makeFeed(s.t.db, { url: feeds.url("/feed.xml") });
    await patch(feed.id, { enabled: false });
    const paused = await s.app.request(`/api/feeds/${feed.id}/fetch`, { method: "POST", headers: s.admin });
    expect(paused.status).toBe(409);
    expect((await paused.json()).error.message).toContain("paused");
    expect((await s.app.request("/api/feeds/9999/fetch", { method: "POST", headers: s.admin })).status).toBe(
      404,
    );
    expect(feeds.requests).toHaveLength(0);
  });

  it("OPML folders are kept on import, filter GET /api/feeds and are written back on export", async () => {
    const opml = `<?xml version="1.0"?>
<opml version="2.0"><head><title>mine</title></head><body>
  <outline text="Loose" xmlUrl="https://loose.example/feed.xml"/>
  <outline text="Tech" title="Tech">
    <outline text="Ars" xmlUrl="https://ars.example/feed.xml"/>
    <outline text="Deeper"><outline text="Inner" xmlUrl="https://inner.example/feed.xml"/></outline>
  </outline>
  <outline title="Africa"><outline text="Nation" xmlUrl="https://nation.example/rss"/></outline>
</body></opml>`;
    const imported = await s.app.request("/api/feeds/import", {
      method: "POST",
      headers: { authorization: s.admin.authorization!, "content-type": "text/x-opml" },
      body: opml,
    });
    expect((await imported.json()).added).toBe(4);
    const all = (await (await s.app.request("/api/feeds")).json()).items;
    expect(all.map((f: { name: string; folder: string | null }) => [f.name, f.folder])).toEqual([
      ["Loose", null],
      ["Ars", "Tech"],
      ["Inner", "Deeper"],
      ["Nation", "Africa"],
    ]);
    const tech = (await (await s.app.request("/api/feeds?folder=Tech")).json()).items;
    expect(tech.map((f: { name: string }) => f.name)).toEqual(["Ars"]);
    const empty = await s.app.request("/api/feeds?folder=");
    expect((await empty.json()).error.message).toMatch(/^folder:/);

    const exported = await (await s.app.request("/api/feeds/export")).text();
    expect(exported).toMatch(
      /<outline text="Tech" title="Tech">\s*<outline [^>]*xmlUrl="https:\/\/ars.example\/feed.xml"/,
    );
    // A round trip through another install keeps the folders.
    const other = await createTestApp();
    await other.app.request("/api/feeds/import", {
      method: "POST",
      headers: { authorization: other.admin.authorization!, "content-type": "text/x-opml" },
      body: exported,
    });
    const again = (await (await other.app.request("/api/feeds")).json()).items;
    expect(again.map((f: { folder: string | null }) => f.folder).sort()).toEqual(
      ["Africa", "Deeper", "Tech", null].sort(),
    );
    other.t.destroy();
  });

  it("POST /api/feeds takes a folder, checked like the other fields", async () => {
    const res = await s.app.request("/api/feeds", {
      method: "POST",
      headers: s.admin,
      body: JSON.stringify({ url: "https://example.com/f.xml", folder: "Wires" }),
    });
    expect((await res.json()).folder).toBe("Wires");
    const bad = await s.app.request("/api/feeds", {
      method: "POST",
      headers: s.admin,
      body: JSON.stringify({ url: "https://example.com/g.xml", folder: "x".repeat(101) }),
    });
    expect((await bad.json()).error.message).toMatch(/^folder:/);
  });
});
