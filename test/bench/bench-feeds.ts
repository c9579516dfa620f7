import { composeSampleArticles, type SampleArticle } from "../../jobs/sample/compose";
import { renderFeed } from "../../jobs/sample/render-feed";

export interface BenchFeed {
  name: string;
  body: Uint8Array;
  format: string;
  items: number;
}

/**
 * Realistic local feed files for the ingest benchmark: the sample corpus's outlets, formats (RSS 2.0, Atom,
 * RDF, JSON Feed) and encodings (GBK, ISO-8859-1), each feed filled to `itemsPerFeed` entries whose links are
 * made unique per copy so every entry is new to the database.
 */
export function benchFeeds(feedCount: number, itemsPerFeed: number): BenchFeed[] {
  const byOutlet = new Map<string, SampleArticle[]>();
  for (const article of composeSampleArticles()) {
    const list = byOutlet.get(article.outlet.file) ?? [];
    list.push(article);
    byOutlet.set(article.outlet.file, list);
  }
  const outlets = [...byOutlet.values()];
  return Array.from({ length: feedCount }, (_, f) => {
    const source = outlets[f % outlets.length]!;
    const items = Array.from({ length: itemsPerFeed }, (_, i) => {
      const a = source[i % source.length]!;
      const copy = `b${f}-${i}`;
      return { ...a, link: `${a.link}-${copy}`, guid: `${a.guid}-${copy}` };
    });
    const first = source[0]!;
    return {
      name: `${first.outlet.file}#${f}`,
      body: renderFeed(first.outlet, first.profile, items),
      format: first.profile.format,
      items: itemsPerFeed,
    };
  });
}
