import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildOpml } from "../../core/opml";
import { ADMIN_TOKEN, createTestApp, type TestApp } from "../helpers/app";

describe("/api/feeds", () => {
  let s: TestApp;
  beforeEach(async () => {
    s = await createTestApp();
  });
  afterEach(() => s.t.destroy());

  const post = (body: unknown, headers = s.admin) =>
    s.app.request("/api/feeds", { method: "POST", headers, body: JSON.stringify(body) });

  it("POST creates a feed with its health fields and answers 201", async () => {
    const res = await post({
      url: "https://www.theguardian.com/technology/rss",
      name: "Guardian Tech",
      lang: "en",
      country: "gb",
    });
    expect(res.status).toBe(201);
    const feed = await res.json();
    expect(feed).toMatchObject({
      url: "https://www.theguardian.com/technology/rss",
      name: "Guardian Tech",
      lang: "en",
      country: "GB",
      enabled: true,
      lastFetchedAt: null,
      lastStatus: null,
      lastError: null,
      errorCount: 0,
      articleCount: 0,
    });
    expect(typeof feed.nextFetchAt).toBe("string");
    const list = await (await s.app.request("/api/feeds")).json();
    expect(list.items).toHaveLength(1);
    expect(list.nextCursor).toBeNull();
  });

  it("POST answers 409 for a URL that is already tracked", async () => {
    await post({ url: "https://example.com/feed" });
    const res = await post({ url: "https://example.com/feed" });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe("conflict");
  });

  it.each([
    ["not a URL", "url"],
    ["ftp://example.com/feed.xml", "only http and https"],
    ["javascript:alert(1)", "only http and https"],
    ["http://127.0.0.1/feed", "loopback"],
    ["http://0x7f.1/feed", "loopback"],
    ["http://169.254.169.254/latest/meta-data", "metadata"],
    ["http://localhost:8080/feed", "loopback"],
  ])("POST answers 400 for %s", async (url, expected) => {
    const res = await post({ url });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toContain("url");
    expect(body.error.message).toContain(expected);
  });

  it("POST answers 400 naming a missing or malformed field", async () => {
    const missing = await post({ name: "no url" });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.message).toMatch(/^url:/);
    const badCountry = await post({ url: "https://example.com/a", country: "Germany" });
    expect((await badCountry.json()).error.message).toMatch(/^country:/);
    const notJson = await s.app.request("/api/feeds", { method: "POST", headers: s.admin, body: "{nope" });
    expect(notJson.status).toBe(400);
  });

  it("accepts loopback feeds when private URLs are allowed", async () => {
    const open = await createTestApp({ TIDEMARK_ALLOW_PRIVATE_URLS: "1" });
    const res = await open.app.request("/api/feeds", {
      method: "POST",
      headers: open.admin,
      body: JSON.stringify({ url: "http://127.0.0.1:9/feed" }),
    });
    expect(res.status).toBe(201);
    open.t.destroy();
  });

  it("writes need the admin token: 401 without or with a wrong one", async () => {
    const none = await post({ url: "https://example.com/a" }, { "content-type": "application/json" });
    expect(none.status).toBe(401);
    expect((await none.json()).error.code).toBe("unauthorized");
    const wrong = await post({ url: "https://example.com/a" }, { ...s.admin, authorization: "Bearer nope" });
    expect(wrong.status).toBe(401);
    const del = await s.app.request("/api/feeds/1", { method: "DELETE" });
    expect(del.status).toBe(401);
  });

  it("accepts the admin token when the setting has spaces around it", async () => {
    const spaced = await createTestApp({ TIDEMARK_ADMIN_TOKEN: `  ${ADMIN_TOKEN} \n` });
    const res = await spaced.app.request("/api/feeds", {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ url: "https://example.org/feed.xml" }),
    });
    expect(res.status).toBe(201);
    spaced.t.destroy();
  });

  it("writes answer 403 saying how to enable them when no admin token is set", async () => {
    const closed = await createTestApp({ TIDEMARK_ADMIN_TOKEN: "" });
    const res = await closed.app.request("/api/feeds", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ url: "https://example.com/a" }),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toContain("TIDEMARK_ADMIN_TOKEN");
    closed.t.destroy();
  });

  it("DELETE removes a feed (204) and answers 404 for an unknown id and 400 for a bad one", async () => {
    const feed = await (await post({ url: "https://example.com/del" })).json();
    expect(
      (await s.app.request(`/api/feeds/${feed.id}`, { method: "DELETE", headers: s.admin })).status,
    ).toBe(204);
    const again = await s.app.request(`/api/feeds/${feed.id}`, { method: "DELETE", headers: s.admin });
    expect(again.status).toBe(404);
    expect((await again.json()).error.code).toBe("not_found");
    const bad = await s.app.request("/api/feeds/abc", { method: "DELETE", headers: s.admin });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^id:/);
  });

  it("imports OPML and exports it back with names, languages and countries", async () => {
    const opml = buildOpml([
      {
        url: "https://www.spiegel.de/schlagzeilen/index.rss",
        name: "Der Spiegel",
        lang: "de",
        country: "DE",
      },
      { url: "https://g1.globo.com/rss/g1/", name: "G1 & Globo", lang: "pt", country: "BR" },
      { url: "file:///etc/passwd", name: "bad" },
    ]);
    const res = await s.app.request("/api/feeds/import", {
      method: "POST",
      headers: { authorization: s.admin.authorization!, "content-type": "text/x-opml" },
      body: opml,
    });
    expect(res.status).toBe(200);
    const result = await res.json();
    expect(result).toMatchObject({ found: 3, added: 2, alreadyTracked: 0 });
    expect(result.skipped).toEqual([
      { url: "file:///etc/passwd", reason: "url: only http and https feed URLs are supported, not file" },
    ]);
    const exported = await (await s.app.request("/api/feeds/export")).text();
    expect(exported).toContain('xmlUrl="https://www.spiegel.de/schlagzeilen/index.rss"');
    expect(exported).toContain('text="G1 &amp; Globo"');
    expect(exported).toContain('country="BR"');
  });

  it("answers 400 for a document that is not OPML", async () => {
    const res = await s.app.request("/api/feeds/import", {
      method: "POST",
      headers: { authorization: s.admin.authorization!, "content-type": "text/x-opml" },
      body: "<html><body>hi</body></html>",
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain("OPML");
  });

  it("answers 413 with a JSON error for an oversized body", async () => {
    const res = await s.app.request("/api/feeds", {
      method: "POST",
      headers: s.admin,
      body: JSON.stringify({ url: "https://example.com/", name: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
  });
});
