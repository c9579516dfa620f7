import Parser from "rss-parser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseStringPromise } from "xml2js";
import { stripIllegalXmlChars, xmlAttr, xmlText } from "../../core/text/xml-text";
import { createTopic } from "../../db/queries/topics";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestApp, type TestApp } from "../helpers/app";
import { makeArticle, makeFeed } from "../helpers/factories";

// No NUL here: SQLite text ends at a NUL, so one never reaches the feed from the database (the unit test covers it).
const HOSTILE = 'Nvidia <script>alert("x")</script> ]]> &amp; \u0007\u001b\uFFFE bell \uD800 end';
const minute = (n: number) => Date.UTC(2025, 0, 27, 9) + n * 60_000;

type AtomDoc = { feed: Record<string, unknown> & { entry?: Array<Record<string, unknown>> } };

describe("GET /api/topics/:slug/feed.atom", () => {
  let s: TestApp;
  beforeEach(async () => {
    s = await createTestApp({ TIDEMARK_BASE_URL: "https://tide.example.org:8443/" });
    await createTopic(s.t.db, {
      slug: "nvidia",
      name: "Nvidia & the <chips>",
      description: "Nvidia's valuation",
      color: "#000000",
      query: "nvidia OR 英伟达",
    });
    const feed = await makeFeed(s.t.db, { name: "Outlet <One>" });
    await storeFeedArticles(s.t.db, {
      feedId: feed.id,
      articles: [
        ...Array.from({ length: 55 }, (_, i) =>
          makeArticle({
            title: `Nvidia story ${i}`,
            summary: `Plain <b>text</b> ${i}`,
            publishedAt: minute(i),
          }),
        ),
        makeArticle({ title: HOSTILE, summary: "a ]]> b", publishedAt: minute(100) }),
        makeArticle({ title: "英伟达股价暴跌", url: "javascript:alert(1)", publishedAt: minute(99) }),
        makeArticle({ title: "Weather report", publishedAt: minute(200) }),
      ],
      state: {},
      now: minute(300),
      tagger: new TopicTagger(),
    });
  });
  afterEach(() => s.t.destroy());

  const fetchFeed = async (slug = "nvidia") => {
    const res = await s.app.request(`/api/topics/${slug}/feed.atom`);
    return { res, xml: await res.text() };
  };

  it("is well-formed XML even with markup, ]]> and control characters in the titles", async () => {
    const { res, xml } = await fetchFeed();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const doc: AtomDoc = await parseStringPromise(xml, { strict: true });
    expect(doc.feed.$).toEqual({ xmlns: "http://www.w3.org/2005/Atom" });
    expect(xml).not.toContain("<script>");
    const illegal = [...xml].filter((ch) => {
      const code = ch.codePointAt(0)!;
      return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe;
    });
    expect(illegal).toEqual([]);
  });

  it("parses back with rss-parser: the 50 newest tagged articles, newest first, text kept as text", async () => {
    const feed = await new Parser().parseString((await fetchFeed()).xml);
    expect(feed.title).toBe("Nvidia & the <chips> · Tidemark");
    expect(feed.items).toHaveLength(50);
    // The lone surrogate became U+FFFD on its way into the database (UTF-8); the control characters are gone.
    expect(feed.items[0]!.title).toBe('Nvidia <script>alert("x")</script> ]]> &amp;  bell \uFFFD end');
    expect(feed.items[0]!.summary).toBe("a ]]> b");
    expect(feed.items[1]!.title).toBe("英伟达股价暴跌");
    expect(feed.items[2]!.title).toBe("Nvidia story 54");
    expect(feed.items[2]!.summary).toBe("Plain <b>text</b> 54");
    expect(feed.items.map((i) => i.title)).not.toContain("Weather report");
    expect(feed.items.map((i) => i.title)).not.toContain("Nvidia story 5");
  });

  it("gives the feed and each entry a stable tag: id, a self link, authors, times and categories", async () => {
    const first = await fetchFeed();
    const second = await fetchFeed();
    expect(second.xml).toBe(first.xml);
    const doc: AtomDoc = await parseStringPromise(first.xml, { strict: true });
    expect(doc.feed.id).toEqual(["tag:tide.example.org,2025:topic/nvidia"]);
    expect(doc.feed.updated).toEqual([new Date(minute(100)).toISOString()]);
    expect(doc.feed.link).toContainEqual({
      $: {
        rel: "self",
        type: "application/atom+xml",
        href: "https://tide.example.org:8443/api/topics/nvidia/feed.atom",
      },
    });
    const entry = doc.feed.entry![2]!;
    const id = /^tag:tide\.example\.org,2025:article\/(\d+)$/.exec((entry.id as string[])[0]!);
    expect(id).not.toBeNull();
    const article = await s.t.client.execute({
      sql: "select title, url from articles where id = ?",
      args: [Number(id![1])],
    });
    expect(article.rows[0]).toMatchObject({ title: "Nvidia story 54" });
    expect(entry.link).toEqual([{ $: { rel: "alternate", href: article.rows[0]!.url } }]);
    expect(entry.author).toEqual([{ name: ["Outlet <One>"] }]);
    expect(entry.published).toEqual([new Date(minute(54)).toISOString()]);
    expect(entry.title).toEqual([{ _: "Nvidia story 54", $: { type: "text" } }]);
    expect(entry.category).toEqual([
      { $: { term: "nvidia", scheme: "tag:tide.example.org,2025:topics" } },
      { $: { term: "nvidia", scheme: "tag:tide.example.org,2025:topic/nvidia/terms" } },
    ]);
  });

  it("links only http(s) article URLs", async () => {
    const doc: AtomDoc = await parseStringPromise((await fetchFeed()).xml, { strict: true });
    expect(doc.feed.entry![1]!.link).toBeUndefined();
    expect((await fetchFeed()).xml).not.toContain("javascript:");
  });

  it("answers an unknown topic with the JSON 404 envelope", async () => {
    const { res, xml } = await fetchFeed("no-such-topic");
    expect(res.status).toBe(404);
    expect(JSON.parse(xml)).toEqual({
      error: { code: "not_found", message: "no topic 'no-such-topic'", requestId: expect.any(String) },
    });
  });

  it("is a valid feed with an <updated> even when the topic has no articles yet", async () => {
    await createTopic(s.t.db, { slug: "empty", name: "Empty", color: "#111111", query: "zzzz" });
    const doc: AtomDoc = await parseStringPromise((await fetchFeed("empty")).xml, { strict: true });
    expect(doc.feed.entry).toBeUndefined();
    expect((doc.feed.updated as string[])[0]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});

describe("XML text escaping", () => {
  it("drops characters XML 1.0 forbids and keeps every other character, astral ones included", () => {
    expect(stripIllegalXmlChars("a\u0000b\u0008c\td\ne\rf\uFFFFg\uDC00h😀")).toBe("abc\td\ne\rfgh😀");
  });

  it("escapes markup in text and quotes and whitespace in attributes", () => {
    expect(xmlText("<a> & ]]>")).toBe("&lt;a&gt; &amp; ]]&gt;");
    expect(xmlAttr('say "hi"\tnow\n')).toBe("say &quot;hi&quot;&#9;now&#10;");
  });
});
