import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeFeed, resolveCharset } from "../../jobs/ingest/decode";

const fixtures = fileURLToPath(new URL("../fixtures/feeds/", import.meta.url));
const fixture = (file: string) => readFileSync(`${fixtures}${file}`);

function xml(encoding: string | null, body: string): string {
  return `${encoding ? `<?xml version="1.0" encoding="${encoding}"?>` : ""}<rss><channel><title>${body}</title></channel></rss>`;
}

describe("decodeFeed", () => {
  it.each([
    ["gb2312.xml", "英伟达股价下跌", "gb18030"],
    ["big5.xml", "輝達股價重挫", "big5"],
    ["shift_jis.xml", "エヌビディア株が急落", "shift_jis"],
    ["euc-kr.xml", "엔비디아 주가 급락", "euc-kr"],
    ["iso-8859-1.xml", "Müller über Nvidia", "windows-1252"],
    ["windows-1251.xml", "Москва и DeepSeek", "windows-1251"],
    ["windows-1252.xml", "“Smart quotes” cost 5 €", "windows-1252"],
  ])("decodes %s from its XML declaration", (file, text, charset) => {
    const decoded = decodeFeed(fixture(file));
    expect(decoded.text).toContain(text);
    expect(decoded).toMatchObject({ charset, source: "declaration" });
  });

  it.each([
    ["utf-16le-bom.xml", "utf-16le"],
    ["utf-16be-bom.xml", "utf-16be"],
    ["utf-32le-bom.xml", "utf-32le"],
  ])("decodes %s by its byte order mark and drops the mark", (file, charset) => {
    const decoded = decodeFeed(fixture(file), "text/xml; charset=iso-8859-1");
    expect(decoded).toMatchObject({ charset, source: "bom" });
    expect(decoded.text.startsWith("<?xml")).toBe(true);
    expect(decoded.text).toContain("Wide 英伟达 feed");
  });

  it("recognises UTF-16 without a BOM by its byte pattern, with or without a declaration", () => {
    expect(decodeFeed(fixture("utf-16be-no-bom.xml"))).toMatchObject({
      charset: "utf-16be",
      source: "declaration",
    });
    const undeclared = decodeFeed(fixture("utf-16le-no-bom-undeclared.xml"), "text/xml; charset=utf-8");
    expect(undeclared).toMatchObject({ charset: "utf-16le", source: "sniffed" });
    expect(undeclared.text).toContain("Zürich");
  });

  it("prefers the HTTP charset over the declaration", () => {
    const bytes = iconv.encode(xml("windows-1252", "Москва"), "koi8-r");
    expect(decodeFeed(bytes, 'application/rss+xml; charset="KOI8-R"')).toMatchObject({
      charset: "koi8-r",
      source: "header",
    });
    expect(decodeFeed(fixture("koi8-r-undeclared.xml"), "text/xml;charset=koi8-r").text).toContain("Москва");
  });

  it("trusts the declaration when the header says utf-8 but the bytes are not UTF-8", () => {
    const bytes = iconv.encode(xml("windows-1251", "Москва"), "windows-1251");
    const decoded = decodeFeed(bytes, "application/xml; charset=utf-8");
    expect(decoded).toMatchObject({ charset: "windows-1251", source: "declaration" });
    expect(decoded.text).toContain("Москва");
    expect(decodeFeed(bytes, "text/xml; charset=us-ascii").text).toContain("Москва");
  });

  it("keeps UTF-8 when a us-ascii header meets valid UTF-8", () => {
    const decoded = decodeFeed(new TextEncoder().encode(xml(null, "Zürich")), "text/xml; charset=us-ascii");
    expect(decoded).toMatchObject({ charset: "utf-8", source: "header", text: xml(null, "Zürich") });
  });

  it("falls through bogus labels to the next source", () => {
    const bytes = iconv.encode(xml("bogus", "Müller"), "windows-1252");
    expect(decodeFeed(bytes, "text/xml; charset=nonsense")).toMatchObject({
      charset: "windows-1252",
      source: "default",
    });
    const utf8 = new TextEncoder().encode(xml("invalid", "Müller"));
    expect(decodeFeed(utf8, "text/xml; charset=x-unknown")).toMatchObject({
      charset: "utf-8",
      source: "sniffed",
    });
  });

  it("ignores a UTF-16 declaration in bytes that are plainly 8-bit", () => {
    const decoded = decodeFeed(new TextEncoder().encode(xml("UTF-16", "英伟达")));
    expect(decoded).toMatchObject({ charset: "utf-8", source: "sniffed" });
    expect(decoded.text).toContain("英伟达");
  });

  it("sniffs UTF-8 when nothing is declared, else defaults to windows-1252", () => {
    expect(decodeFeed(new TextEncoder().encode(xml(null, "Zoë")))).toMatchObject({
      charset: "utf-8",
      source: "sniffed",
    });
    const legacy = decodeFeed(fixture("windows-1252-undeclared.xml"));
    expect(legacy).toMatchObject({ charset: "windows-1252", source: "default" });
    expect(legacy.text).toContain("Zoë’s café");
  });

  it("strips a UTF-8 byte order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("<rss/>")]);
    expect(decodeFeed(bytes)).toEqual({ text: "<rss/>", charset: "utf-8", source: "bom" });
  });

  it("decodes an empty body to an empty string", () => {
    expect(decodeFeed(new Uint8Array(0)).text).toBe("");
  });
});

describe("resolveCharset", () => {
  it("maps labels to decoders and refuses bogus or dangerous ones", () => {
    expect(resolveCharset("GB2312")).toBe("gb18030");
    expect(resolveCharset('"ISO-8859-1"')).toBe("windows-1252");
    expect(resolveCharset("Shift_JIS")).toBe("shift_jis");
    expect(resolveCharset("UTF-16")).toBe("wide");
    expect(resolveCharset("bogus")).toBeUndefined();
    expect(resolveCharset("utf-7")).toBeUndefined();
    expect(resolveCharset("base64")).toBeUndefined();
    expect(resolveCharset("")).toBeUndefined();
  });
});
