import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type ParsedFeed, type ParsedItem, parseFeed } from "../../jobs/ingest/parse-feed";
import { sampleFeedsDir, writeSampleFeeds } from "../../jobs/sample/generate";
import { type SampleOutlet, sampleOutlets } from "../../jobs/sample/outlets";

// No charset in the header: the parser has to find it in the BOM or the XML declaration, as for a local file.
const contentTypes: Record<string, string> = {
  ".xml": "application/rss+xml",
  ".atom": "application/atom+xml",
  ".rdf": "application/rdf+xml",
  ".json": "application/feed+json",
};

interface ParsedOutlet {
  outlet: SampleOutlet;
  feed: ParsedFeed;
}

let parsed: ParsedOutlet[] = [];
let items: { outlet: SampleOutlet; item: ParsedItem; day: string }[] = [];

function dayOf(item: ParsedItem): string {
  const ms = Date.parse(item.published ?? "");
  return Number.isNaN(ms) ? "invalid" : new Date(ms).toISOString().slice(0, 10);
}

function countByDay(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { day } of items) counts.set(day, (counts.get(day) ?? 0) + 1);
  return counts;
}

function meanPerDay(counts: Map<string, number>, from: string, to: string): number {
  let total = 0;
  let days = 0;
  for (let ms = Date.parse(from); ms <= Date.parse(to); ms += 86_400_000) {
    total += counts.get(new Date(ms).toISOString().slice(0, 10)) ?? 0;
    days++;
  }
  return total / days;
}

beforeAll(async () => {
  parsed = await Promise.all(
    sampleOutlets.map(async (outlet) => {
      const body = new Uint8Array(await readFile(join(sampleFeedsDir, outlet.file)));
      const feed = await parseFeed({ body, contentType: contentTypes[extname(outlet.file)] });
      return { outlet, feed };
    }),
  );
  items = parsed.flatMap(({ outlet, feed }) =>
    feed.items.map((item) => ({ outlet, item, day: dayOf(item) })),
  );
});

describe("the bundled sample corpus", () => {
  it("parses every outlet's file into entries with a title, a link and a date", () => {
    for (const { outlet, feed } of parsed) {
      expect(feed.items.length, outlet.file).toBeGreaterThan(0);
      for (const item of feed.items) {
        expect(item.title, outlet.file).toBeTruthy();
        expect(item.link, outlet.file).toMatch(/^https:\/\//);
        expect(item.published, outlet.file).toBeTruthy();
      }
    }
  });

  it("covers RSS 2.0, RSS 1.0, Atom and JSON Feed", () => {
    expect(new Set(parsed.map(({ feed }) => feed.format))).toEqual(new Set(["rss", "rdf", "atom", "json"]));
  });

  it("holds at least 600 articles from at least 15 outlets in at least 5 languages", () => {
    expect(items.length).toBeGreaterThanOrEqual(600);
    expect(new Set(items.map(({ outlet }) => outlet.file)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(items.map(({ outlet }) => outlet.lang)).size).toBeGreaterThanOrEqual(5);
  });

  it("dates every article between 2025-01-01 and 2025-03-31", () => {
    const outside = items.filter(({ day }) => !(day >= "2025-01-01" && day <= "2025-03-31"));
    expect(outside.map(({ outlet, item }) => `${outlet.file}: ${item.published}`)).toEqual([]);
  });

  it("gives every article its own link", () => {
    const links = items.map(({ item }) => item.link);
    expect(new Set(links).size).toBe(links.length);
  });

  it("decodes the GB2312-declared and ISO-8859-1 feeds to readable text", () => {
    const text = (file: string) => {
      const feed = parsed.find(({ outlet }) => outlet.file === file)?.feed;
      return (feed?.items ?? []).map((item) => `${item.title} ${item.summary}`).join("\n");
    };
    const chinese = text("caixin.xml");
    expect(chinese).toMatch(/英伟达|深度求索|华为/);
    expect(chinese).not.toContain("\uFFFD");
    const german = text("handelsblatt.xml");
    expect(german).toMatch(/[äöüß]/);
    expect(german).not.toContain("\uFFFD");
  });

  it("declares the outlet's language in most feeds and leaves it out in a few", () => {
    const declared = parsed.filter(({ feed }) => feed.language);
    for (const { outlet, feed } of declared)
      expect(feed.language?.slice(0, 2), outlet.file).toBe(outlet.lang);
    expect(declared.length).toBeGreaterThanOrEqual(parsed.length - 3);
    expect(declared.length).toBeLessThan(parsed.length);
  });

  it("peaks on the Nvidia sell-off: 27 and 28 January are the two busiest days", () => {
    const ranked = [...countByDay()].sort((a, b) => b[1] - a[1]);
    expect(new Set(ranked.slice(0, 2).map(([day]) => day))).toEqual(new Set(["2025-01-27", "2025-01-28"]));
    expect(ranked[1]?.[1] ?? 0).toBeGreaterThan(1.3 * (ranked[2]?.[1] ?? 0));
  });

  it("rises after R1's release on 20 January", () => {
    const counts = countByDay();
    const before = meanPerDay(counts, "2025-01-06", "2025-01-19");
    const releaseWeek = meanPerDay(counts, "2025-01-20", "2025-01-26");
    expect(releaseWeek).toBeGreaterThan(2 * before);
    expect(counts.get("2025-01-20") ?? 0).toBeGreaterThan(before);
  });

  it("keeps a long tail through March", () => {
    const counts = countByDay();
    expect(meanPerDay(counts, "2025-03-01", "2025-03-31")).toBeGreaterThan(2);
  });
});

describe("the sample generator", () => {
  it("reproduces the committed feed files byte for byte", async () => {
    const outDir = await mkdtemp(join(tmpdir(), "tidemark-sample-"));
    try {
      const written = await writeSampleFeeds(outDir);
      expect(written.sort()).toEqual(sampleOutlets.map((outlet) => outlet.file).sort());
      expect((await readdir(sampleFeedsDir)).sort()).toEqual(written);
      for (const file of written) {
        const fresh = await readFile(join(outDir, file));
        const committed = await readFile(join(sampleFeedsDir, file));
        expect(fresh.equals(committed), file).toBe(true);
      }
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
