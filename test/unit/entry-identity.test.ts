import { describe, expect, it } from "vitest";
import { entryUrls, withDistinctKeys } from "../../jobs/ingest/entry-identity";
import type { ParsedItem } from "../../jobs/ingest/parse-feed";

const FEED = "https://feeds.example.com/podcast/rss.xml";
const SITE = "https://www.example.com/";
const urls = (item: ParsedItem) => entryUrls(item, FEED, SITE);

describe("entryUrls", () => {
  it("prefers the link, then the enclosure, the content src and a guid that is an http(s) URL", () => {
    expect(urls({ link: "/a", enclosure: "https://cdn.example.com/a.mp3" })).toEqual({
      link: "https://www.example.com/a",
      url: "https://www.example.com/a",
    });
    expect(urls({ enclosure: "ep1.mp3", contentSrc: "https://x.example/c" })).toEqual({
      link: null,
      url: "https://www.example.com/ep1.mp3",
    });
    expect(urls({ contentSrc: "https://x.example/c" }).url).toBe("https://x.example/c");
    expect(urls({ guid: " https://www.example.com/?p=7 " }).url).toBe("https://www.example.com/?p=7");
    expect(urls({ guid: "tag:example.com,2025:7" }).url).toBeNull();
    expect(urls({ guid: "7", enclosure: "javascript:alert(1)" }).url).toBeNull();
  });

  it("resolves against the xml:base chain, the outermost against the document's URL, not the site link", () => {
    expect(urls({ link: "result.html", bases: ["/tests/", "base/"] }).url).toBe(
      "https://feeds.example.com/tests/base/result.html",
    );
    expect(urls({ link: "../a", bases: ["http://example.org/x/y/"] }).url).toBe("http://example.org/x/a");
    // A nearer absolute base wins over the ones around it.
    expect(urls({ link: "a", bases: ["http://one.example/", "https://two.example/b/"] }).url).toBe(
      "https://two.example/b/a",
    );
  });

  it("skips a base that is not http(s), as if it were absent", () => {
    expect(urls({ link: "a.html", bases: ["javascript:alert(1)//"] }).url).toBe(
      "https://feeds.example.com/podcast/a.html",
    );
  });
});

describe("withDistinctKeys", () => {
  const article = (entryKey: string, url: string | null) => ({ entryKey, guid: entryKey, url });

  it("keys entries that share a guid but not a link by their URL, so each is kept", () => {
    const keyed = withDistinctKeys([
      article("https://example.com/", "https://example.com/a"),
      article("https://example.com/", "https://example.com/b"),
      article("g2", "https://example.com/c"),
    ]);
    expect(keyed.map((a) => a.entryKey)).toEqual(["https://example.com/a", "https://example.com/b", "g2"]);
  });

  it("leaves a guid repeated with the same link alone: one story listed twice", () => {
    const keyed = withDistinctKeys([
      article("g", "https://example.com/a"),
      article("g", "https://example.com/a"),
    ]);
    expect(keyed.map((a) => a.entryKey)).toEqual(["g", "g"]);
  });
});
