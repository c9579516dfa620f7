import { createHash } from "node:crypto";
import { canonicalUrl } from "./canonical-url";
import type { ParsedItem } from "./parse-feed";
import { resolveBase } from "./xml-entries";

/** Longer guids are keyed by their hash, so the unique index stays small. */
const GUID_KEY_MAX = 512;

/**
 * The entry's canonical link, and the address it is read at: its link, else its enclosure (a podcast
 * episode's audio), else where its content lives (Atom <content src>), else its guid when that is an absolute
 * http(s) URL (RSS guids are permalinks unless isPermaLink="false"; Atom ids often are the page). Relative
 * links resolve against the entry's xml:base chain when it has one (itself resolved against the document's
 * URL), else against `fallbackBase` (the site's link or the feed's URL). Null when none is usable http(s).
 */
export function entryUrls(
  item: ParsedItem,
  documentUrl: string,
  fallbackBase: string,
): { link: string | null; url: string | null } {
  const base = item.bases && item.bases.length > 0 ? resolveBase(item.bases, documentUrl) : fallbackBase;
  const link = item.link ? canonicalUrl(item.link, base) : null;
  if (link) return { link, url: link };
  for (const candidate of [item.enclosure, item.contentSrc]) {
    const url = candidate ? canonicalUrl(candidate, base) : null;
    if (url) return { link, url };
  }
  const guid = item.guid?.trim();
  return { link, url: guid && /^https?:\/\//i.test(guid) ? canonicalUrl(guid, base) : null };
}

/**
 * Identity within the feed: the guid as given (trimmed; URL-shaped guids are not canonicalized, since they
 * are identifiers), else the canonical link, else a hash of the title and the feed's own date (empty when the
 * date is first-seen, so the key stays stable across passes). An entry with no title either (a bare `<item>`
 * with a date, an author or a location) is hashed from its markup, else from what it does carry. The address taken from an
 * enclosure or a guid (entryUrls) is not part of the key, so entries stored before it was read keep theirs.
 */
export function entryKey(
  guid: string | null,
  link: string | null,
  entry: { title: string; feedTime: number | null; summary: string; author: string | null; markup?: string },
): string {
  if (guid) return guid.length <= GUID_KEY_MAX ? guid : `gh:${sha1(guid)}`;
  if (link) return link;
  if (entry.title) return `th:${sha1(`${entry.title}\n${entry.feedTime ?? ""}`)}`;
  return `eh:${sha1(entry.markup ?? `${entry.feedTime ?? ""}\n${entry.summary}\n${entry.author ?? ""}`)}`;
}

/**
 * A guid given to entries with different links identifies none of them: some publishers repeat one guid
 * (the home page, a category) on every item. Those entries are keyed by their URL instead, so each is kept;
 * a guid repeated with the same link still names one story told twice.
 */
export function withDistinctKeys<T extends { entryKey: string; guid: string | null; url: string | null }>(
  articles: readonly T[],
): T[] {
  const urlsByKey = new Map<string, Set<string | null>>();
  for (const article of articles) {
    if (!article.guid) continue;
    const urls = urlsByKey.get(article.entryKey) ?? new Set();
    urls.add(article.url);
    urlsByKey.set(article.entryKey, urls);
  }
  return articles.map((article) => {
    const shared = article.guid !== null && (urlsByKey.get(article.entryKey)?.size ?? 0) > 1;
    return shared && article.url ? { ...article, entryKey: article.url } : article;
  });
}

export function sha1(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}
