import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app";
import { runCli } from "../helpers/cli";
import { type FeedServer, startFeedServer } from "../helpers/feed-server";

interface ApiArticle {
  title: string;
  url: string | null;
}

async function articlesOf(app: TestApp["app"]): Promise<ApiArticle[]> {
  return ((await (await app.request("/api/articles?limit=200")).json()) as { items: ApiArticle[] }).items;
}

async function feedsOf(
  app: TestApp["app"],
): Promise<Array<{ errorCount: number; parseWarning: string | null }>> {
  return ((await (await app.request("/api/feeds")).json()) as { items: never[] }).items;
}

/** Entries a user would lose before issue 12, stored through `ingest --once` and read back through the API. */
describe("what an ingest pass keeps", { timeout: 60_000 }, () => {
  let s: TestApp;
  let server: FeedServer;
  let env: Record<string, string>;
  beforeEach(async () => {
    s = await createTestApp();
    env = { DATABASE_URL: `file:${s.t.path}`, TIDEMARK_ALLOW_PRIVATE_URLS: "1" };
  });
  afterEach(async () => {
    await server?.close();
    s.t.destroy();
  });

  /** Serves `body` at /feed, adds it, runs `ingest --once` twice (a restart) and returns the articles. */
  async function ingest(body: string, type = "application/xml"): Promise<ApiArticle[]> {
    server = await startFeedServer({
      "/feed": (_req, res) => res.writeHead(200, { "content-type": type }).end(body),
    });
    expect((await runCli(["feeds", "add", server.url("/feed")], env)).code).toBe(0);
    expect((await runCli(["ingest", "--once", "--all"], env)).code).toBe(0);
    const first = await articlesOf(s.app);
    // Read again, as the next pass would: nothing is duplicated.
    expect((await runCli(["ingest", "--once", "--all"], env)).code).toBe(0);
    expect(await articlesOf(s.app)).toHaveLength(first.length);
    return first;
  }

  it("keeps entries that differ only by a fragment, as a day page's posts do", async () => {
    const items = [1, 2, 3]
      .map(
        (n) => `<item><title>Post ${n}</title><link>http://scripting.com/2025/01/27.html#a${n}</link></item>`,
      )
      .concat("<item><title>Post 1 again</title><link>http://scripting.com/2025/01/27.html#a1</link></item>")
      .join("");
    const articles = await ingest(`<rss version="2.0"><channel><title>S</title>${items}</channel></rss>`);
    expect(articles.map((a) => a.url).sort()).toEqual([
      "http://scripting.com/2025/01/27.html#a1",
      "http://scripting.com/2025/01/27.html#a2",
      "http://scripting.com/2025/01/27.html#a3",
    ]);
  });

  it("keeps podcast episodes that are only an enclosure, at the enclosure's URL", async () => {
    const episode = (n: number) =>
      `<item><description>Episode ${n}</description><enclosure url="https://cdn.example.com/ep${n}.mp3" type="audio/mpeg" length="1"/></item>`;
    const articles = await ingest(
      `<rss version="2.0"><channel><title>P</title>${episode(1)}${episode(2)}</channel></rss>`,
    );
    expect(articles.map((a) => [a.title, a.url]).sort()).toEqual([
      ["Episode 1", "https://cdn.example.com/ep1.mp3"],
      ["Episode 2", "https://cdn.example.com/ep2.mp3"],
    ]);
  });

  it("keeps entries with only an id or only a content src", async () => {
    const atom = await ingest(`<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
      <entry><id>https://example.com/only-id</id></entry>
      <entry><id>urn:uuid:1</id><content src="https://example.com/movie.mp4"/></entry>
      <entry><id>urn:uuid:2</id><updated>2025-01-27T10:00:00Z</updated></entry>
    </feed>`);
    expect(atom.map((a) => a.url).sort()).toEqual([
      "https://example.com/movie.mp4",
      "https://example.com/only-id",
      null,
    ]);
    // An entry with nothing to read is kept untitled, without a URL: it still counts.
    expect(atom.find((a) => a.url === null)?.title).toBe("");
  });

  it("keeps JSON Feed items whose ids are numbers, also past what a double holds exactly", async () => {
    // Written by hand: JSON.stringify cannot write integers past 2^53, which is the point.
    const json = `{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [
      {"id": 1234567890123456789, "content_text": "First"},
      {"id": 1234567890123456790, "content_text": "Second"},
      {"id": 7, "content_text": "Third"},
      {"id": 3.5, "content_text": "Fourth"}
    ]}`;
    const articles = await ingest(json, "application/feed+json");
    expect(articles.map((a) => a.title).sort()).toEqual(["First", "Fourth", "Second", "Third"]);
  });

  it("resolves relative links under xml:base against the nearest base, itself relative to the feed's URL", async () => {
    const articles = await ingest(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/tests/">
      <title>B</title><link href="https://elsewhere.example.org/"/>
      <entry xml:base="base/"><title>1</title><id>t1</id><link href="result.html"/></entry>
      <entry><title>2</title><id>t2</id><link href="../tests/other.html"/></entry>
      <entry><title>3</title><id>t3</id><link xml:base="http://example.org/x/" href="y.html"/></entry>
    </feed>`);
    const origin = new URL(server.url("/")).origin;
    expect(Object.fromEntries(articles.map((a) => [a.title, a.url]))).toEqual({
      "1": `${origin}/tests/base/result.html`,
      "2": `${origin}/tests/other.html`,
      "3": "http://example.org/x/y.html",
    });
  });

  it("reads a feed wrapped in an XHTML page, and says so on the feed's health", async () => {
    const articles = await ingest(`<?xml version="1.0"?>
      <html xmlns="http://www.w3.org/1999/xhtml"><body>
      <feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>
        <entry><title>Inside</title><id>i1</id><link href="https://example.com/inside"/></entry>
      </feed></body></html>`);
    expect(articles.map((a) => a.url)).toEqual(["https://example.com/inside"]);
    const [feed] = await feedsOf(s.app);
    expect(feed).toMatchObject({ errorCount: 0, parseWarning: "feed read from inside <html>" });
  });

  it("recovers a cut-off document with an HTML entity, and shows the recovery in the API and `feeds list`", async () => {
    const articles = await ingest(`<rss version="2.0"><channel><title>C</title>
      <item><title>Re&colon; caf&eacute;</title><link>https://example.com/1</link></item>
      <item><title>Two</title><link>https://example.com/2</link></item>
      <item><title>Thr`);
    expect(articles.map((a) => a.title).sort()).toEqual(["Re: café", "Thr", "Two"]);
    const [feed] = await feedsOf(s.app);
    expect(feed!.errorCount).toBe(0);
    expect(feed!.parseWarning).toMatch(
      /^malformed XML: .*; read after HTML entities read as HTML \(&colon; &eacute;\)/,
    );
    expect(feed!.parseWarning).toContain("left open at the end closed");
    const listed = await runCli(["feeds", "list"], env);
    expect(listed.stdout).toContain("  ok, read leniently: malformed XML");
  });

  it("keeps each story when a publisher starts repeating one guid, pass after pass", async () => {
    const item = (title: string, link: string) =>
      `<item><title>${title}</title><guid>https://example.com/</guid><link>${link}</link></item>`;
    let items = item("A", "https://example.com/a");
    server = await startFeedServer({
      "/feed": (_req, res) =>
        res.writeHead(200).end(`<rss><channel><title>G</title>${items}</channel></rss>`),
    });
    await runCli(["feeds", "add", server.url("/feed")], env);
    const pass = async () => expect((await runCli(["ingest", "--once", "--all"], env)).code).toBe(0);
    await pass();
    items = item("A", "https://example.com/a") + item("B", "https://example.com/b");
    await pass();
    items = item("B", "https://example.com/b");
    await pass();
    const stored = (await articlesOf(s.app)).map((a) => [a.title, a.url]).sort();
    expect(stored).toEqual([
      ["A", "https://example.com/a"],
      ["B", "https://example.com/b"],
    ]);
  });

  it("clears the warning when the feed is clean again, and keeps a clean feed's health clean", async () => {
    let body =
      "<rss><channel><title>X</title><item><title>One</title><link>https://example.com/1</link></item>";
    server = await startFeedServer({ "/feed": (_req, res) => res.writeHead(200).end(body) });
    await runCli(["feeds", "add", server.url("/feed")], env);
    await runCli(["ingest", "--once", "--all"], env);
    expect((await feedsOf(s.app))[0]!.parseWarning).toMatch(/left open at the end closed/);
    body += "</channel></rss>";
    await runCli(["ingest", "--once", "--all"], env);
    expect((await feedsOf(s.app))[0]!.parseWarning).toBeNull();
    expect(await articlesOf(s.app)).toHaveLength(1);
  });
});
