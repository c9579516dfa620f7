import { describe, expect, it } from "vitest";
import { htmlToText, SUMMARY_MAX, TITLE_MAX, toPlainText, truncateText } from "../../jobs/ingest/plain-text";

describe("htmlToText", () => {
  it.each([
    ["plain text passes through", "DeepSeek R1 rattles Wall Street", "DeepSeek R1 rattles Wall Street"],
    ["paragraphs become spaces", "<p>Nvidia fell.</p><p>Chips slid.</p>", "Nvidia fell. Chips slid."],
    ["<br> separates words", "Line one<br>line two<br/>line three", "Line one line two line three"],
    ["inline tags do not split words", "<b>Deep</b><i>Seek</i> <a href='/x'>R1</a>", "DeepSeek R1"],
    ["unknown tags separate words", "alpha<foo>beta</foo>", "alpha beta"],
    ["script content is dropped", "before<script>alert('x')</script>after", "before after"],
    ["style content is dropped", "<style>p { color: red }</style>Body", "Body"],
    ["template and noscript content are dropped", "<template>T</template>a<noscript>N</noscript>b", "a b"],
    ["closing tags match case-insensitively", "<SCRIPT>x()</Script >visible", "visible"],
    ["a script tag that never closes drops the rest", "text<script>never closed", "text"],
    ["comments are dropped", "a<!-- hidden -->b", "ab"],
    ["an unclosed comment drops the rest", "a<!-- hidden -> still > hidden", "a"],
    ["doctype and processing instructions are dropped", "<!DOCTYPE html><?xml version='1.0'?>x", "x"],
    ["CDATA left inside HTML is kept as literal text", "<![CDATA[a < b & c]]>", "a < b & c"],
    ["a quoted > inside an attribute does not end the tag", '<a title="1 > 0">yes</a>', "yes"],
    ["img with onerror becomes nothing", "<img src=x onerror=alert(1)>", ""],
    ["an XSS-y title keeps its text, not its markup", "Hi <img src=x onerror=alert(1)> there", "Hi there"],
    [
      "escaped markup stays literal text",
      "&lt;script&gt;alert(1)&lt;/script&gt;",
      "<script>alert(1)</script>",
    ],
    ["double-encoded entities are decoded once", "&amp;lt;b&amp;gt; &amp;amp;", "&lt;b&gt; &amp;"],
    ["named entities", "caf&eacute; &mdash; &euro;5 &hellip;", "café — €5 …"],
    ["HTML5-only named entities", "&NotNestedGreaterGreater; &fjlig; &bigstar;", "⪢̸ fj ★"],
    ["decimal and hex references", "&#8220;R1&#8221; &#x4E2D;&#x56FD; &#X1F600;", "“R1” 中国 😀"],
    ["windows-1252 references are mapped as browsers do", "&#150; &#147;q&#148;", "– “q”"],
    ["invalid references become U+FFFD", "a&#0;b&#xD800;c", "a\uFFFDb\uFFFDc"],
    ["legacy entities without a semicolon", "&copy 2025 &amp Co", "© 2025 & Co"],
    [
      "query strings are not mangled by legacy entities",
      "see x.php?a=1&para=2&copy=3",
      "see x.php?a=1&para=2&copy=3",
    ],
    ["bare ampersands stay", "AT&T and R&D, Q&A", "AT&T and R&D, Q&A"],
    ["a lone < is text", "3 < 5 and 7 <= 9", "3 < 5 and 7 <= 9"],
    [
      "< before a letter with no > anywhere after is text",
      "Apple<Google in AI race",
      "Apple<Google in AI race",
    ],
    ["&nbsp; collapses with other whitespace", "a&nbsp;&nbsp; b\t\n c", "a b c"],
    ["control characters are removed", "a\u0000b\u0007c\u001Fd\u007Fe\u0085f", "abcdef"],
    ["control characters from references are removed", "a&#1;b", "ab"],
    ["lone surrogates are removed", "a\uD800b\uDC00c", "abc"],
    ["surrogate pairs survive", "\uD83D\uDE00 ok", "😀 ok"],
    ["text is NFC-normalized", "Cafe\u0301 Zu\u0308rich", "Café Zürich"],
    ["leading and trailing whitespace is trimmed", "  \n <p> x </p> \n", "x"],
    [
      "Chinese text keeps its characters",
      "<p>英伟达股价暴跌，</p><p>DeepSeek引发恐慌</p>",
      "英伟达股价暴跌， DeepSeek引发恐慌",
    ],
  ])("%s", (_name, input, expected) => {
    expect(htmlToText(input)).toBe(expected);
  });

  it("stays linear on 5 MB of hostile markup with a million unclosed <", { timeout: 10_000 }, () => {
    const hostile = "<a".repeat(1_000_000) + "x".repeat(3_000_000);
    expect(htmlToText(hostile)).toBe(hostile);
    const oneHugeTag = `${"<a".repeat(1_000_000)}${"y".repeat(3_000_000)}>after`;
    expect(htmlToText(oneHugeTag)).toBe("after");
    const unclosedQuotes = `${'<a x="'.repeat(800_000)}>`;
    expect(htmlToText(unclosedQuotes)).toBe("");
    const bareLt = "<".repeat(1_000_000) + " ".repeat(4_000_000);
    expect(htmlToText(bareLt)).toBe("<".repeat(1_000_000));
    const manyScripts = "<script>".repeat(500_000) + "</scrip".repeat(100_000);
    expect(htmlToText(manyScripts)).toBe("");
  });

  it("stops reading after the budget of text", () => {
    const long = "<p>word </p>".repeat(10_000);
    expect(htmlToText(long, 100).length).toBeLessThan(200);
  });
});

describe("truncateText", () => {
  it.each([
    ["short text is untouched", "Short headline", 20, "Short headline"],
    ["text at the limit is untouched", "exactly ten", 11, "exactly ten"],
    ["cuts at the last space", "The quick brown fox jumps over the lazy dog", 20, "The quick brown fox…"],
    [
      "drops a trailing comma before the ellipsis",
      "Markets fell, chips slid, AI stocks sank",
      16,
      "Markets fell…",
    ],
    [
      "cuts CJK text without spaces between characters",
      "深度求索发布推理模型引发市场震动英伟达股价大跌",
      10,
      "深度求索发布推理模…",
    ],
    ["never splits a surrogate pair", "abcdefgh😀😀😀", 10, "abcdefgh…"],
    ["keeps a flag emoji whole", "ab🇨🇳🇨🇳🇨🇳", 8, "ab🇨🇳…"],
    ["keeps a letter with its combining mark", "aaaaaaae\u0301e\u0301", 9, "aaaaaaa…"],
  ])("%s", (_name, input, max, expected) => {
    const cut = truncateText(input, max);
    expect(cut).toBe(expected);
    expect(cut.length).toBeLessThanOrEqual(max);
  });

  it("cuts a long word without spaces on a grapheme boundary", () => {
    const cut = truncateText("x".repeat(50), 10);
    expect(cut).toBe(`${"x".repeat(9)}…`);
  });
});

describe("toPlainText", () => {
  it("caps titles and summaries at their limits", () => {
    const words = "coverage ".repeat(1000);
    expect(toPlainText(words, TITLE_MAX).length).toBeLessThanOrEqual(TITLE_MAX);
    expect(toPlainText(words, SUMMARY_MAX).length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(toPlainText(words, SUMMARY_MAX).endsWith("coverage…")).toBe(true);
  });

  it("reads only as much of a huge body as the cap needs", () => {
    const body = `<div>${"<p>Lorem ipsum dolor sit amet.</p>".repeat(100_000)}</div>`;
    const text = toPlainText(body, SUMMARY_MAX);
    expect(text.length).toBeLessThanOrEqual(SUMMARY_MAX);
    expect(text.startsWith("Lorem ipsum dolor sit amet. Lorem")).toBe(true);
  });
});
