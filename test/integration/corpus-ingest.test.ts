import { readFileSync } from "node:fs";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addFeed, getFeed, removeFeed } from "../../db/queries/feeds";
import { runIngestPass } from "../../jobs/ingest/ingest-pass";
import { CORPUS, CORPUS_AVAILABLE, type CorpusRow, corpusManifest } from "../helpers/corpus";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { type FeedServer, startFeedServer } from "../helpers/feed-server";

const log = pino({ level: "silent" });

/**
 * The reference count in distinct links, where it differs from the manifest's entry count: an article is
 * stored once per link (and once per guid within a feed), so entries the reference parser lists twice under
 * one link are one article. Counted from feedparser 6.0.10's own entries: entries are one when they share a
 * link (else an enclosure, else an id that is an http(s) URL), or share an id without differing links.
 */
const DISTINCT_LINKS: Record<string, number> = {
  "atoma/atom-unicode.xml": 2,
  "atoma/rss-broken-enclosure.xml": 1,
  "awesome-feedparser/RSS_0_92.xml": 21,
  "fastfeedparser/news-al-monitor.xml": 11,
  "feed-io/rss-sample-rss-nodate.xml": 1,
  "feedkit/RSS.xml": 1,
  "feedreader-dotnet/Rss092FullSample.xml": 21,
  "feedreader-dotnet/Rss20LeFigaro.xml": 49,
  "kde-syndication/atom10_entry_link.xml": 7,
  "kde-syndication/enclosure.xml": 2,
  "rome/CDATATestFeed.xml": 1,
  "rome/atom_1.0_b.xml": 1,
  "rome/issue137-rss.xml": 1,
  "rsparser/DaringFireball.atom": 47,
  "rsparser/DaringFireball.rss": 46,
  // feedparser gives three entries whose alternate link has an empty href the feed's own URL as their link;
  // we take their ids (http URLs), so all 25 are stored, the manifest's count.
  "rsparser/OneFootTsunami.atom": 23,
  "rsparser/scriptingNews.rss": 48,
  "rss-parser/itunes-missing-image.rss": 9,
  "rust-rss/rss092.xml": 21,
};

/** Feeds that still differ from the reference, and why we hold that we are right. */
const KNOWN_DIFFERENCES: Record<string, string> = {
  "feedparser/cdf-item_title.xml":
    "Microsoft's Channel Definition Format (Internet Explorer 4, 1997) is not a feed format we read: refused as not a feed",
  "feedparser/ns-unknown-namespace.xml":
    "an Atom <feed> whose only child is an RSS-style <item>; feedparser's loose matching counts it",
  "node-feedparser/illegally-nested.xml":
    "each of the 10 items holds an empty <item /> child; feedparser counts those as 10 more entries",
  "kde-syndication/bug-190068.xml":
    "two byte-identical entries with no id, link, title or text: one story, stored once",
  "simplepie/feed-utf16be.xml":
    "UTF-16 with neither BOM nor declaration: we recognise the encoding and store its entry; feedparser reads nothing",
  "simplepie/feed-utf16le.xml":
    "UTF-16 with neither BOM nor declaration: we recognise the encoding and store its entry; feedparser reads nothing",
};

interface Measured {
  row: CorpusRow;
  stored: number;
  /** The feed's error after the pass, if the document was refused. */
  error: string | null;
  /** What the feed's health records of a lenient read (feedparser's bozo), if there was one. */
  warning: string | null;
}

describe.skipIf(!CORPUS_AVAILABLE)("the feed corpus stored through the ingest path", () => {
  let t: TestDatabase;
  let server: FeedServer;
  const measured: Measured[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    server = await startFeedServer();
    // No Content-Type, as the reference counts were made from the bytes alone.
    for (const row of corpusManifest()) {
      const bytes = readFileSync(`${CORPUS}${row.path}`);
      server.route(`/${row.path}`, (_req, res) => res.writeHead(200).end(bytes));
    }
  });
  afterAll(async () => {
    await server?.close();
    t?.destroy();
  });

  it("stores each file's entries in a real database, one feed at a time", { timeout: 300_000 }, async () => {
    for (const row of corpusManifest()) {
      // One feed at a time, removed after: the corpus repeats URLs across files (one site's RSS, Atom and
      // JSON Feed), and a URL stored by one feed is rightly not stored again by another.
      const feed = await addFeed(t.db, { url: server.url(`/${row.path}`) });
      await runIngestPass(
        { db: t.db, allowPrivateUrls: true, log, fetchOptions: { timeoutMs: 10_000 } },
        { scope: { feedId: feed.id } },
      );
      const after = (await getFeed(t.db, feed.id))!;
      measured.push({ row, stored: after.articleCount, error: after.lastError, warning: after.parseWarning });
      await removeFeed(t.db, feed.id);
    }
    expect(measured.length).toBe(corpusManifest().length);
  });

  it("stores the reference count for 99% of well-formed feeds and 80% of malformed ones", () => {
    const matches = (m: Measured) =>
      m.stored === m.row.expectedItems || m.stored === DISTINCT_LINKS[m.row.path];
    const report = (kind: string) => {
      const rows = measured.filter((m) => m.row.kind === kind);
      const same = rows.filter(matches);
      return { rows, same, share: same.length / rows.length };
    };
    const wellFormed = report("wellformed");
    const malformed = report("malformed");
    const differing = measured.filter((m) => !matches(m));
    const lines = differing.map((m) => {
      const why = KNOWN_DIFFERENCES[m.row.path] ?? `UNEXPLAINED${m.error ? `: ${m.error}` : ""}`;
      const reference = DISTINCT_LINKS[m.row.path] ?? m.row.expectedItems;
      return `  ${m.row.kind.padEnd(10)} ${m.row.path}: reference ${reference}, stored ${m.stored} (${why})`;
    });
    const lenient = malformed.rows.filter((m) => m.warning !== null).length;
    console.log(
      [
        `corpus: well-formed ${wellFormed.same.length}/${wellFormed.rows.length} (${pct(wellFormed.share)}) store the reference count (distinct links),`,
        `        malformed ${malformed.same.length}/${malformed.rows.length} (${pct(malformed.share)}), ${lenient} of them read leniently with the recovery on the feed's health`,
        `feeds that differ (${differing.length}):`,
        ...lines,
      ].join("\n"),
    );
    expect(wellFormed.share).toBeGreaterThanOrEqual(0.99);
    expect(malformed.share).toBeGreaterThanOrEqual(0.8);
    // Every feed that differs is one we can say why about; a new loss shows here by name.
    expect(differing.map((m) => m.row.path).filter((path) => !(path in KNOWN_DIFFERENCES))).toEqual([]);
  });
});

function pct(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

if (!CORPUS_AVAILABLE) {
  it.skip(`feed corpus: skipped, no MANIFEST.tsv at ${CORPUS} (CI places shared/ beside the clone)`, () => {});
}
