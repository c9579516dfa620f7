import { describe, expect, it } from "vitest";
import { canonicalUrl } from "../../jobs/ingest/canonical-url";

const BASE = "https://www.example.com/news/";

describe("canonicalUrl", () => {
  it.each([
    [
      "an absolute link is kept",
      "https://www.reuters.com/technology/deepseek-2025-01-27/",
      "https://www.reuters.com/technology/deepseek-2025-01-27/",
    ],
    [
      "a root-relative link resolves against the base host",
      "/world/china-ai",
      "https://www.example.com/world/china-ai",
    ],
    [
      "a path-relative link resolves against the base path",
      "story-1.html",
      "https://www.example.com/news/story-1.html",
    ],
    ["dot segments are resolved", "../tech/./r1", "https://www.example.com/tech/r1"],
    ["a protocol-relative link takes the base scheme", "//cdn.example.org/a", "https://cdn.example.org/a"],
    ["whitespace around the link is trimmed", "  \n https://example.com/a \t", "https://example.com/a"],
    ["the host is lowercased", "https://WWW.BBC.CO.UK/News", "https://www.bbc.co.uk/News"],
    ["path case is kept", "https://example.com/Path/To/Article", "https://example.com/Path/To/Article"],
    ["a trailing dot on the host is dropped", "https://example.com./a", "https://example.com/a"],
    ["the default http port is dropped", "http://example.com:80/a", "http://example.com/a"],
    ["the default https port is dropped", "https://example.com:443/a", "https://example.com/a"],
    ["another port is kept", "https://example.com:8443/a", "https://example.com:8443/a"],
    ["a comments fragment is dropped", "https://example.com/a#comments", "https://example.com/a"],
    ["credentials are dropped", "https://user:secret@example.com/a", "https://example.com/a"],
    [
      "utm parameters are dropped",
      "https://example.com/a?utm_source=rss&utm_medium=feed&utm_campaign=x",
      "https://example.com/a",
    ],
    ["utm names match case-insensitively", "https://example.com/a?UTM_Source=rss", "https://example.com/a"],
    [
      "click ids are dropped",
      "https://example.com/a?fbclid=1&gclid=2&msclkid=3&dclid=4&gbraid=5&wbraid=6&yclid=7",
      "https://example.com/a",
    ],
    [
      "mail campaign ids are dropped",
      "https://example.com/a?mc_cid=1&mc_eid=2&oly_enc_id=3&oly_anon_id=4",
      "https://example.com/a",
    ],
    [
      "analytics parameters are dropped",
      "https://example.com/a?_ga=1&_gl=2&igshid=3&s_kwcid=4&wt_mc=5",
      "https://example.com/a",
    ],
    [
      "BBC's AT Internet parameters are dropped",
      "https://www.bbc.com/news/articles/c5yv5976z9po?at_medium=RSS&at_campaign=rss",
      "https://www.bbc.com/news/articles/c5yv5976z9po",
    ],
    [
      "Le Monde's xtor is dropped",
      "https://www.lemonde.fr/economie/article/2025/01/27/x_123.html?xtor=RSS-3208",
      "https://www.lemonde.fr/economie/article/2025/01/27/x_123.html",
    ],
    [
      "Guardian's CMP is dropped",
      "https://www.theguardian.com/business/2025/jan/27/nvidia?CMP=Share_iOSApp_Other",
      "https://www.theguardian.com/business/2025/jan/27/nvidia",
    ],
    [
      "publisher campaign codes are dropped",
      "https://example.com/a?cmpid=1&ocid=2&ito=3&__twitter_impression=true&ref_src=twsrc",
      "https://example.com/a",
    ],
    [
      "an article id is kept",
      "https://example.com/article.php?id=123&utm_source=rss",
      "https://example.com/article.php?id=123",
    ],
    ["a WordPress post id is kept", "https://blog.example.com/?p=4567", "https://blog.example.com/?p=4567"],
    [
      "generic names that may select content are kept",
      "https://example.com/a?ref=home&source=x&rss=1",
      "https://example.com/a?ref=home&source=x&rss=1",
    ],
    [
      "remaining parameters keep their order",
      "https://example.com/s?z=1&utm_source=x&a=2&m=3",
      "https://example.com/s?z=1&a=2&m=3",
    ],
    [
      "remaining parameters keep their encoding",
      "https://example.com/s?q=a%20b&t=x+y",
      "https://example.com/s?q=a%20b&t=x+y",
    ],
    [
      "a parameter without a value is kept",
      "https://example.com/s?print&fbclid=1",
      "https://example.com/s?print",
    ],
    ["an empty ? is removed", "https://example.com/a?", "https://example.com/a"],
    ["empty pieces are removed", "https://example.com/a?&&id=1&", "https://example.com/a?id=1"],
    [
      "an encoded tracking name is still recognized",
      "https://example.com/a?utm%5Fsource=x&id=1",
      "https://example.com/a?id=1",
    ],
    [
      "a malformed escape in a name does not throw",
      "https://example.com/a?%E0%A4%A=1",
      "https://example.com/a?%E0%A4%A=1",
    ],
    [
      "an internationalized host becomes punycode",
      "https://bücher.example/a",
      "https://xn--bcher-kva.example/a",
    ],
    [
      "a non-ASCII path is percent-encoded",
      "https://example.com/新闻/深度求索",
      "https://example.com/%E6%96%B0%E9%97%BB/%E6%B7%B1%E5%BA%A6%E6%B1%82%E7%B4%A2",
    ],
    ["an IPv6 host is kept", "http://[::1]:8080/a", "http://[::1]:8080/a"],
  ])("%s", (_name, href, expected) => {
    expect(canonicalUrl(href, BASE)).toBe(expected);
  });

  it.each([
    ["javascript: links", "javascript:alert(1)"],
    ["javascript: links in disguise", "  JaVaScRiPt:alert(1)"],
    ["data: links", "data:text/html,<script>alert(1)</script>"],
    ["mailto: links", "mailto:editor@example.com"],
    ["ftp: links", "ftp://example.com/file"],
    ["empty links", "   "],
    ["unparsable links", "http://exa mple.com/"],
  ])("rejects %s", (_name, href) => {
    expect(canonicalUrl(href, BASE)).toBeNull();
  });

  it("resolves an absolute link even when the base is unusable", () => {
    expect(canonicalUrl("https://example.com/a", "not a url")).toBe("https://example.com/a");
    expect(canonicalUrl("/a", "not a url")).toBeNull();
  });

  it.each([
    ["#respond", "#respond"],
    ["WordPress's read-more jump", "#more-1234"],
    ["a skip link", "#main-content"],
    ["AT Internet's tracker", "#xtor=RSS-3208"],
    ["campaign parameters", "#utm_source=rss&utm_medium=feed"],
    ["a referrer", "#ref=rss"],
    ["AddThis's tracker", "#.VtCA1eS6FaQ"],
    ["an empty fragment", "#"],
  ])("drops a navigation or tracking fragment: %s", (_name, fragment) => {
    expect(canonicalUrl(`https://example.com/2025/01/27${fragment}`, BASE)).toBe(
      "https://example.com/2025/01/27",
    );
  });

  it.each([
    ["an entry's anchor on a day page", "http://scripting.com/2016/02/26.html#a100322", "#a100322"],
    ["a wiki section", "https://wiki.xxiivv.com/site/2026.html#20N", "#20N"],
    ["one comment", "https://example.com/a#comment-42", "#comment-42"],
    ["a live-blog post", "https://example.com/live?page=2#block-65a1", "#block-65a1"],
    ["a fragment route", "https://example.com/#/story/7", "#/story/7"],
    [
      "a fragment whose parameters are not all tracking",
      "https://example.com/a#id=7&utm_source=x",
      "#id=7&utm_source=x",
    ],
  ])("keeps a fragment that tells entries apart: %s", (_name, href, fragment) => {
    expect(canonicalUrl(href, BASE)?.endsWith(fragment)).toBe(true);
  });

  it("is idempotent", () => {
    const once = canonicalUrl("HTTPS://Example.COM:443/A/b?x=1&utm_source=y#top", BASE)!;
    expect(canonicalUrl(once, BASE)).toBe(once);
  });
});
