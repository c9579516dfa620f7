import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type NormalizeContext, normalizeItem, type ParsedItem } from "../../jobs/ingest/normalize";

const NOW = Date.UTC(2025, 0, 28, 12);
const ctx: NormalizeContext = {
  feedUrl: "https://feeds.example.com/rss/world.xml",
  siteUrl: "https://www.example.com/",
  feedLang: null,
  now: NOW,
};
const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

function normalize(item: ParsedItem, context: Partial<NormalizeContext> = {}) {
  const article = normalizeItem(item, { ...ctx, ...context });
  if (!article) throw new Error("expected an article");
  return article;
}

describe("normalizeItem", () => {
  it("turns a typical RSS item into clean values", () => {
    const article = normalize({
      guid: "https://www.example.com/?p=123",
      link: "https://www.example.com/2025/01/27/deepseek?utm_source=rss&utm_medium=rss",
      title: "DeepSeek &amp; the $600bn question",
      summary: "<p>Nvidia lost <b>17%</b> on Monday.</p><p>Analysts were stunned.</p>",
      author: "editor@example.com (Jane Doe)",
      published: "Mon, 27 Jan 2025 10:00:00 GMT",
    });
    expect(article).toEqual({
      entryKey: "https://www.example.com/?p=123",
      guid: "https://www.example.com/?p=123",
      url: "https://www.example.com/2025/01/27/deepseek",
      title: "DeepSeek & the $600bn question",
      summary: "Nvidia lost 17% on Monday. Analysts were stunned.",
      author: "Jane Doe",
      lang: "en",
      publishedAt: Date.UTC(2025, 0, 27, 10),
      dateSource: "feed",
      contentHash: sha1("DeepSeek & the $600bn question\nNvidia lost 17% on Monday. Analysts were stunned."),
    });
  });

  it("keeps an entry with neither title nor summary, titled by its URL, else untitled", () => {
    const linked = normalizeItem({ link: "https://example.com/a", title: "  <br> ", summary: "" }, ctx);
    expect([linked.title, linked.url, linked.entryKey]).toEqual([
      "https://example.com/a",
      "https://example.com/a",
      "https://example.com/a",
    ]);
    const bare = normalizeItem({ published: "2025-01-27T10:00:00Z" }, ctx);
    expect([bare.title, bare.url, bare.publishedAt]).toEqual(["", null, Date.UTC(2025, 0, 27, 10)]);
    expect(bare.entryKey).toMatch(/^eh:[0-9a-f]{40}$/);
    // Stable across passes, and apart from another bare entry with other contents.
    expect(normalizeItem({ published: "2025-01-27T10:00:00Z" }, { ...ctx, now: NOW + 1 }).entryKey).toBe(
      bare.entryKey,
    );
    expect(normalizeItem({ published: "2025-01-27T11:00:00Z" }, ctx).entryKey).not.toBe(bare.entryKey);
  });

  it("keeps XSS-y titles as inert text", () => {
    const article = normalize({
      title: "<img src=x onerror=alert(1)>Breaking: &lt;script&gt;alert(1)&lt;/script&gt;",
    });
    expect(article.title).toBe("Breaking: <script>alert(1)</script>");
  });

  it("takes the title from the first 120 characters of the summary when it is missing", () => {
    const summary = `${"Chip stocks fell sharply on Monday ".repeat(6)}end.`;
    const article = normalize({ summary });
    expect(article.title.length).toBeLessThanOrEqual(120);
    expect(article.title.endsWith("…")).toBe(true);
    expect(summary.startsWith(article.title.slice(0, -1))).toBe(true);
  });

  it("takes the summary from plain-texted content when it is missing", () => {
    const article = normalize({
      title: "T",
      content: "<div><script>x()</script><p>Full &ldquo;text&rdquo;</p></div>",
    });
    expect(article.summary).toBe("Full “text”");
  });

  it("caps titles at 500 and summaries at 2000 characters", () => {
    const article = normalize({ title: "word ".repeat(400), summary: "word ".repeat(1000) });
    expect(article.title.length).toBeLessThanOrEqual(500);
    expect(article.summary.length).toBeLessThanOrEqual(2000);
  });

  describe("links", () => {
    it("resolves relative links against the site link", () => {
      expect(normalize({ title: "T", link: "/world/a" }).url).toBe("https://www.example.com/world/a");
    });

    it("resolves relative links against the feed URL when there is no site link", () => {
      expect(normalize({ title: "T", link: "a.html" }, { siteUrl: undefined }).url).toBe(
        "https://feeds.example.com/rss/a.html",
      );
    });

    it("resolves a relative site link against the feed URL", () => {
      expect(normalize({ title: "T", link: "a" }, { siteUrl: "/blog/" }).url).toBe(
        "https://feeds.example.com/blog/a",
      );
    });

    it("drops links that are not http(s)", () => {
      expect(normalize({ title: "T", link: "javascript:alert(1)" }).url).toBeNull();
    });
  });

  describe("dates", () => {
    it("uses the feed's date when it parses", () => {
      const article = normalize({ title: "T", published: "2025-01-27T11:00:00+01:00" });
      expect([article.publishedAt, article.dateSource]).toEqual([Date.UTC(2025, 0, 27, 10), "feed"]);
    });

    it.each([
      ["there is no date", undefined],
      ["the date does not parse", "yesterday-ish"],
      ["the date is more than a day ahead", "Thu, 30 Jan 2025 12:00:01 GMT"],
      ["the date is a 1970 placeholder", "Thu, 01 Jan 1970 00:00:00 GMT"],
      ["the date is before 1995", "Sat, 31 Dec 1994 23:59:59 GMT"],
    ])("falls back to first-seen when %s", (_name, published) => {
      const article = normalize({ title: "T", published });
      expect([article.publishedAt, article.dateSource]).toEqual([NOW, "first-seen"]);
    });

    it("accepts a date less than a day ahead (a publisher's zone mistake)", () => {
      const article = normalize({ title: "T", published: "Wed, 29 Jan 2025 11:00:00 GMT" });
      expect(article.dateSource).toBe("feed");
    });
  });

  describe("entryKey", () => {
    it("is the trimmed guid, URL-shaped guids untouched", () => {
      const article = normalize({
        title: "T",
        guid: "  HTTPS://Example.com/A?utm_source=x#frag \n",
        link: "https://example.com/b",
      });
      expect(article.entryKey).toBe("HTTPS://Example.com/A?utm_source=x#frag");
      expect(article.guid).toBe("HTTPS://Example.com/A?utm_source=x#frag");
    });

    it("is the canonical URL when there is no guid", () => {
      const article = normalize({ title: "T", guid: "   ", link: "https://Example.com/a?fbclid=1#comments" });
      expect([article.entryKey, article.guid]).toEqual(["https://example.com/a", null]);
    });

    it("hashes the title and the feed's date when there is neither guid nor link", () => {
      const article = normalize({ title: "  Nvidia   falls ", published: "2025-01-27T10:00:00Z" });
      expect(article.entryKey).toBe(`th:${sha1(`Nvidia falls\n${Date.UTC(2025, 0, 27, 10)}`)}`);
    });

    it("hashes the title alone when the date is first-seen, so it is stable across passes", () => {
      const first = normalize({ title: "Nvidia falls" }, { now: NOW });
      const later = normalize({ title: "Nvidia falls" }, { now: NOW + 3_600_000 });
      expect(first.entryKey).toBe(`th:${sha1("Nvidia falls\n")}`);
      expect(later.entryKey).toBe(first.entryKey);
    });

    it("hashes a very long guid", () => {
      const guid = "x".repeat(600);
      expect(normalize({ title: "T", guid }).entryKey).toBe(`gh:${sha1(guid)}`);
    });
  });

  it("changes the content hash when the headline changes", () => {
    const a = normalize({ title: "Nvidia falls 12%", summary: "S" });
    const b = normalize({ title: "Nvidia falls 17%", summary: "S" });
    expect(a.contentHash).not.toBe(b.contentHash);
    expect(a.contentHash).toMatch(/^[0-9a-f]{40}$/);
  });

  it.each([
    ["editor@example.com (Jane Doe)", "Jane Doe"],
    ["Jane Doe <jane@example.com>", "Jane Doe"],
    ["By Jane Doe", "Jane Doe"],
    ["  <b>Jane</b>  Doe  ", "Jane Doe"],
    ["Zoë &amp; Li Wei", "Zoë & Li Wei"],
    ["noreply@blogger.com (Unknown)", null],
    ["jane@example.com", "jane@example.com"],
    ["   ", null],
    [undefined, null],
  ])("reads author %j as %j", (author, expected) => {
    expect(normalize({ title: "T", author }).author).toBe(expected);
  });

  it("caps the author at 200 characters", () => {
    expect(normalize({ title: "T", author: "Name ".repeat(100) }).author!.length).toBeLessThanOrEqual(200);
  });

  describe("lang", () => {
    const german = {
      title: "Nvidia-Aktie bricht ein",
      summary:
        "Die Aktie von Nvidia fiel am Montag um 17 Prozent, nachdem DeepSeek ein neues Modell vorgestellt hatte.",
    };

    it("prefers the item's declared language", () => {
      expect(normalize({ ...german, language: "fr-FR" }, { feedLang: "en" }).lang).toBe("fr");
    });

    it("uses the feed's language when the item has none", () => {
      expect(normalize(german, { feedLang: "en-US" }).lang).toBe("en");
    });

    it("uses the feed's language when the item's is unusable", () => {
      expect(normalize({ ...german, language: "und" }, { feedLang: "en-US" }).lang).toBe("en");
    });

    it("detects the language from title and summary when nothing is declared", () => {
      expect(normalize(german).lang).toBe("de");
      expect(normalize({ title: "英伟达股价暴跌", summary: "DeepSeek引发市场恐慌" }).lang).toBe("zh");
    });
  });
});
