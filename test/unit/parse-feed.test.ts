import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FeedError } from "../../jobs/ingest/feed-error";
import { type ParsedFeed, parseFeed } from "../../jobs/ingest/parse-feed";

const fixtures = fileURLToPath(new URL("../fixtures/feeds/", import.meta.url));
const writeGolden = process.env.WRITE_GOLDEN === "1";

/** Each fixture with the Content-Type a server would send, when that matters. */
const cases: Array<[file: string, contentType?: string]> = [
  ["rss2.xml"],
  ["rss091.xml"],
  ["rdf.xml"],
  ["atom10.xml"],
  ["atom03.xml"],
  ["jsonfeed11.json", "application/feed+json"],
  ["jsonfeed10.json"],
  ["gb2312.xml"],
  ["big5.xml"],
  ["shift_jis.xml"],
  ["euc-kr.xml"],
  ["iso-8859-1.xml"],
  ["windows-1251.xml"],
  ["windows-1252.xml"],
  ["koi8-r-undeclared.xml", "application/rss+xml; charset=KOI8-R"],
  ["windows-1252-undeclared.xml"],
  ["utf-16le-bom.xml"],
  ["utf-16be-bom.xml"],
  ["utf-16be-no-bom.xml"],
  ["utf-16le-no-bom-undeclared.xml"],
  ["utf-32le-bom.xml"],
  ["entities.xml"],
  ["xxe.xml"],
  ["billion-laughs.xml"],
  ["html-page.html", "text/html; charset=utf-8"],
  ["error-page.html"],
  ["unknown-root.xml"],
  ["json-without-items.json"],
];

type Outcome = ParsedFeed | { error: { kind: string; message: string } };

async function outcome(body: Uint8Array, contentType?: string): Promise<Outcome> {
  try {
    return await parseFeed({ body, contentType });
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    return { error: { kind: error.kind, message: error.message } };
  }
}

async function parseText(text: string, contentType?: string): Promise<ParsedFeed> {
  return parseFeed({ body: new TextEncoder().encode(text), contentType });
}

async function failure(text: string): Promise<FeedError> {
  const error = await parseText(text).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(FeedError);
  return error as FeedError;
}

describe("parseFeed golden outputs", () => {
  it.each(cases)("%s matches its golden output", async (file, contentType) => {
    const result = await outcome(readFileSync(`${fixtures}${file}`), contentType);
    const golden = `${fixtures}golden/${file}.json`;
    if (writeGolden || !existsSync(golden)) {
      expect(writeGolden, `missing ${golden}: run with WRITE_GOLDEN=1`).toBe(true);
      writeFileSync(golden, `${JSON.stringify(result, null, 2)}\n`);
    }
    expect(result).toEqual(JSON.parse(readFileSync(golden, "utf8")));
  });
});

describe("parseFeed", () => {
  it("reads the legacy-encoded titles exactly", async () => {
    const title = async (file: string, contentType?: string) =>
      (await parseFeed({ body: readFileSync(`${fixtures}${file}`), contentType })).items[0]?.title;
    expect(await title("gb2312.xml")).toContain("英伟达");
    expect(await title("big5.xml")).toContain("輝達");
    expect(await title("shift_jis.xml")).toContain("エヌビディア");
    expect(await title("iso-8859-1.xml")).toBe("Müller über Nvidia");
    expect(await title("windows-1251.xml")).toBe("Москва и DeepSeek");
    expect(await title("koi8-r-undeclared.xml", "text/xml; charset=koi8-r")).toBe("Москва");
  });

  it("decodes GBK-only characters in a feed labelled gb2312", async () => {
    const feed = await parseFeed({ body: readFileSync(`${fixtures}gb2312.xml`) });
    expect(feed.items[0]?.summary).toBe("DeepSeek 发布 R1，王喆、朱镕基");
  });

  it("decodes undeclared HTML entities instead of failing", async () => {
    const feed = await parseText(
      '<rss version="2.0"><channel><item><title>Caf&eacute;&nbsp;&mdash; &amp;</title></item></channel></rss>',
    );
    expect(feed.items[0]?.title).toBe("Café\u00a0— &");
  });

  it("expands simple internal entities and drops nested ones", async () => {
    const feed = await parseFeed({ body: readFileSync(`${fixtures}entities.xml`) });
    expect(feed.title).toBe("Nvidia Corporation watch");
    expect(feed.items[0]?.title).toBe("Nvidia Corporation\u00a0shares fall");
    expect(feed.items[0]?.summary).toContain("[]");
    expect(feed.items[0]?.summary).toContain("&company;");
  });

  it("never resolves external entities", async () => {
    const feed = await parseFeed({ body: readFileSync(`${fixtures}xxe.xml`) });
    expect(feed.items[0]?.title).toBe("Secrets: [][]");
    expect(JSON.stringify(feed)).not.toContain("root:");
  });

  it("neuters a billion-laughs document", async () => {
    const feed = await parseFeed({ body: readFileSync(`${fixtures}billion-laughs.xml`) });
    expect(feed.items[0]?.title).toBe("[]");
  });

  it("refuses more than a mebibyte of entity expansion", async () => {
    const references = "&kb;".repeat(1100);
    const error = await failure(
      `<!DOCTYPE rss [<!ENTITY kb "${"x".repeat(1024)}">]><rss><channel><item><title>${references}</title></item></channel></rss>`,
    );
    expect(error.kind).toBe("parse");
    expect(error.message).toBe("entity expansion limit exceeded");
  });

  it("refuses more than 64 declared entities", async () => {
    const declarations = Array.from({ length: 65 }, (_, i) => `<!ENTITY e${i} "v">`).join("");
    const error = await failure(`<!DOCTYPE rss [${declarations}]><rss><channel></channel></rss>`);
    expect(error.message).toBe("entity expansion limit exceeded");
  });

  it("rejects 100,000 nested elements with an error instead of overflowing the stack", async () => {
    const depth = 100_000;
    const error = await failure(
      `<rss><channel>${"<a>".repeat(depth)}${"</a>".repeat(depth)}</channel></rss>`,
    );
    expect(error.kind).toBe("parse");
    expect(error.message).toBe("document nested deeper than 256 elements");
  });

  it("accepts exactly 256 levels of nesting and refuses 257", async () => {
    const nested = (levels: number) => {
      const inner = levels - 4; // rss, channel, item, description
      return `<rss><channel><item><description>${"<b>".repeat(inner)}x${"</b>".repeat(inner)}</description></item></channel></rss>`;
    };
    expect((await parseText(nested(256))).items).toHaveLength(1);
    expect((await failure(nested(257))).message).toBe("document nested deeper than 256 elements");
  });

  it("does not count nesting inside comments, CDATA or the DOCTYPE", async () => {
    const many = "<a>".repeat(1000);
    const feed = await parseText(
      `<!DOCTYPE rss [<!-- ${many} -->]><!-- ${many} --><rss><channel><item><description><![CDATA[${many}]]></description></item></channel></rss>`,
    );
    expect(feed.items[0]?.summary).toBe(many);
  });

  it("says what it got when the document is not a feed", async () => {
    const html = await failure("<!DOCTYPE html><html><head><title>Not Found</title></head></html>");
    expect(html.kind).toBe("not-a-feed");
    expect(html.message).toBe(
      'expected RSS, Atom or JSON Feed, got an HTML page (<html>, title "Not Found")',
    );
    expect((await failure("<urlset><url/></urlset>")).message).toBe(
      "expected RSS, Atom or JSON Feed, got XML with root element <urlset>",
    );
    expect((await failure('{"items": 3}')).kind).toBe("not-a-feed");
    expect((await failure("[1, 2]")).kind).toBe("not-a-feed");
    const text = await failure("Service Unavailable");
    expect(text.kind).toBe("not-a-feed");
    expect(text.message).toContain('"Service Unavailable"');
  });

  it("calls an empty or blank body an empty document", async () => {
    for (const body of ["", "  \n\t", "\ufeff "]) {
      const error = await failure(body);
      expect(error.kind).toBe("not-a-feed");
      expect(error.message).toBe("empty document");
    }
  });

  it("reports malformed XML and JSON as parse errors", async () => {
    const xml = await failure("<rss><channel><item x=1><title>unquoted</title></item></channel></rss>");
    expect(xml.kind).toBe("parse");
    expect(xml.message).toMatch(/^malformed XML: /);
    expect((await failure('{"version": "https://jsonfeed.org/version/1.1", "items": [')).kind).toBe("parse");
  });

  it("keeps working after a malformed document", async () => {
    await failure("<rss><channel><item><ti<tle>a</title></item></channel></rss>");
    const feed = await parseText(
      '<rss version="2.0"><channel><item><title>fine</title></item></channel></rss>',
    );
    expect(feed.items[0]?.title).toBe("fine");
  });

  describe("reading leniently what the XML parser refuses, and saying so", () => {
    it("leaves a clean feed without a warning", async () => {
      const feed = await parseText(
        '<rss version="2.0"><channel><item><title>t</title></item></channel></rss>',
      );
      expect(feed.warning).toBeUndefined();
    });

    it("closes what a cut-off document left open: elements, a CDATA section, a tag", async () => {
      const feed = await parseText("<rss><channel><item><title>One</title></item><item><title><![CDATA[Tw");
      expect(feed.items.map((item) => item.title)).toEqual(["One", "Tw"]);
      expect(feed.warning).toMatch(
        /^malformed XML: .*; read after an unterminated CDATA section closed, 4 elements left open at the end closed/,
      );
      const cut = await parseText("<rss><channel><item><title>One</title></item></channel></rss");
      expect(cut.items).toHaveLength(1);
      expect(cut.warning).toContain("a cut-off tag dropped");
    });

    it("reads HTML entities XML does not know, keeps unknown ones as text and replaces forbidden characters", async () => {
      const feed = await parseText(
        "<rss><channel><item><title>Re&colon; caf&eacute; &bogus; &#0;</title></item></channel></rss>",
      );
      expect(feed.items[0]?.title).toBe("Re: café &bogus; \ufffd");
      expect(feed.warning).toContain("HTML entities read as HTML (&colon; &eacute;)");
      expect(feed.warning).toContain("unknown entities kept as text (&bogus;)");
      expect(feed.warning).toContain("1 reference to characters XML forbids replaced");
    });

    it("drops stray end tags and closes elements an end tag skips", async () => {
      const feed = await parseText(
        "<rss><channel><item><title>a</b></c></d></item><item><title>b</title></x></item></channel></rss>",
      );
      expect(feed.items.map((item) => item.title)).toEqual(["a", "b"]);
      expect(feed.warning).toMatch(/4 stray end tags dropped, 1 element left open inside others closed$/);
    });

    it("takes entries out of an element left open before them", async () => {
      const feed = await parseText(
        '<rss><channel><itunes:category text="Tech"><item><title>a</title></item><item><title>b</title></item></channel></rss>',
      );
      expect(feed.items.map((item) => item.title)).toEqual(["a", "b"]);
    });

    it("drops what follows the root element of a document it repairs", async () => {
      const feed = await parseText("<rss><channel><item><title>a</b></title></item></channel></rss><p>junk");
      expect(feed.items).toHaveLength(1);
      expect(feed.warning).toContain("1 stray end tag dropped, content after the root element dropped");
    });

    it("says when it escaped bare ampersands", async () => {
      const feed = await parseText("<rss><channel><item><title>AT&T</title></item></channel></rss>");
      expect(feed.warning).toMatch(/; read after bare & escaped$/);
    });

    it("reads a feed inside an XHTML page, and an Atom Entry Document as a feed of one", async () => {
      const wrapped = await parseText(
        '<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><body><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>in</title><id>1</id></entry></feed></body></html>',
      );
      expect([wrapped.format, wrapped.items[0]?.title, wrapped.warning]).toEqual([
        "atom",
        "in",
        "feed read from inside <html>",
      ]);
      const entry = await parseText(
        '<?xml version="1.0"?>\n<!-- one entry -->\n<entry xmlns="http://www.w3.org/2005/Atom"><title>only</title><id>urn:x</id></entry>',
      );
      expect([entry.format, entry.items.map((item) => item.guid), entry.warning]).toEqual([
        "atom",
        ["urn:x"],
        undefined,
      ]);
    });

    it("still refuses an HTML page without a feed in it", async () => {
      const page = await failure(
        "<!DOCTYPE html><html><head><title>Sorry</title></head><body><p>rss</p></body></html>",
      );
      expect(page.kind).toBe("not-a-feed");
    });
  });

  describe("entry links", () => {
    it("takes an Atom entry's alternate link, an HTML one first, and never a related, via or self link", async () => {
      const feed = await parseText(`<feed xmlns="http://www.w3.org/2005/Atom">
        <entry><id>1</id><link rel="related" href="https://r.example/"/><link rel="self" href="https://s.example/"/></entry>
        <entry><id>2</id><link href="https://a.example/feed.xml" type="application/atom+xml"/><link rel="alternate" type="text/html" href="https://a.example/page"/></entry>
        <entry><id>3</id><link rel="enclosure" href="https://cdn.example/ep3.mp3"/><content src="https://cdn.example/3.html"/></entry>
      </feed>`);
      expect(feed.items.map((item) => [item.link, item.enclosure, item.contentSrc])).toEqual([
        [undefined, undefined, undefined],
        ["https://a.example/page", undefined, undefined],
        [undefined, "https://cdn.example/ep3.mp3", "https://cdn.example/3.html"],
      ]);
    });

    it("takes an RSS enclosure's url even when the element holds text or children", async () => {
      const feed = await parseText(`<rss version="2.0"><channel>
        <item><enclosure url="https://cdn.example/a.mp3">Bad text</enclosure></item>
        <item><enclosure url="https://cdn.example/b.jpg"><media:title>x</media:title></enclosure></item>
      </channel></rss>`);
      expect(feed.items.map((item) => item.enclosure)).toEqual([
        "https://cdn.example/a.mp3",
        "https://cdn.example/b.jpg",
      ]);
    });

    it("gives each entry its xml:base chain, outermost first, with its link's own", async () => {
      const feed =
        await parseText(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.org/tests/">
        <entry xml:base="base/"><id>1</id><link href="result.html"/></entry>
        <entry><id>2</id><link xml:base="../x/" href="y.html"/></entry>
      </feed>`);
      expect(feed.items.map((item) => item.bases)).toEqual([
        ["http://example.org/tests/", "base/"],
        ["http://example.org/tests/", "../x/"],
      ]);
    });

    it("keeps the markup of entries with nothing else to tell them apart by", async () => {
      const feed = await parseText(
        "<feed><entry><yt:videoId>a</yt:videoId></entry><entry><yt:videoId>b</yt:videoId></entry><entry><title>t</title></entry></feed>",
      );
      expect(feed.items.map((item) => item.markup)).toEqual([
        "<entry><yt:videoId>a</yt:videoId></entry>",
        "<entry><yt:videoId>b</yt:videoId></entry>",
        undefined,
      ]);
    });
  });

  it("recovers from bare ampersands", async () => {
    const feed = await parseText(
      '<rss version="2.0"><channel><item><title>AT&T &amp; Nvidia</title><link>https://x.example/?a=1&b=2</link></item></channel></rss>',
    );
    expect(feed.items[0]?.title).toBe("AT&T & Nvidia");
    expect(feed.items[0]?.link).toBe("https://x.example/?a=1&b=2");
  });

  it("skips whitespace and a BOM before the first tag", async () => {
    const feed = await parseText('\ufeff\n\n  <?xml version="1.0"?>\n<rss><channel><item/></channel></rss>');
    expect(feed.format).toBe("rss");
    expect(feed.items).toHaveLength(1);
  });

  it("reads Atom and RSS 1.0 written with unusual prefixes", async () => {
    const atom = await parseText(
      '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:entry><a:title>T</a:title><a:id>1</a:id></a:entry></a:feed>',
    );
    expect(atom.format).toBe("atom");
    expect(atom.items[0]).toMatchObject({ title: "T", guid: "1" });
    const rdf = await parseText(
      `<r:RDF xmlns:r="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rss="http://purl.org/rss/1.0/" xmlns:d="http://purl.org/dc/elements/1.1/">
        <rss:channel><rss:title>C</rss:title></rss:channel>
        <rss:item><rss:title>I</rss:title><d:date>2025-01-27T00:00:00Z</d:date></rss:item></r:RDF>`,
    );
    expect(rdf.format).toBe("rdf");
    expect(rdf.items[0]).toMatchObject({ title: "I", published: "2025-01-27T00:00:00Z" });
  });

  it("reads items beside an RSS channel or inside an RDF one", async () => {
    const rss = await parseText(
      '<rss version="2.0"><channel><title>C</title></channel><item><title>beside</title></item></rss>',
    );
    expect(rss.items).toEqual([{ title: "beside" }]);
    const rdf = await parseText(
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><channel><item><title>inside</title></item></channel></rdf:RDF>',
    );
    expect(rdf.items).toEqual([{ title: "inside" }]);
  });

  it("reads Atom entries with bare links and unreadable dates", async () => {
    const feed = await parseText(
      `<feed xmlns="http://www.w3.org/2005/Atom"><link/><entry><title>T</title><link/>
        <link href="https://x.example/a"/><published>not a date</published></entry></feed>`,
    );
    expect(feed.items).toEqual([{ title: "T", link: "https://x.example/a", published: "not a date" }]);
  });

  it("treats an RSS document without a channel as a feed with no items", async () => {
    const feed = await parseText('<rss version="2.0"></rss>');
    expect(feed.items).toEqual([]);
  });
});
