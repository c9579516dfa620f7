import type { ParsedItem } from "./parse-feed";

/** An entry ready to store: plain text, canonical URL, a definite time and a stable identity. */
export interface NormalizedArticle {
  /** Identity within the feed: guid, else canonical URL, else a hash of title and date. */
  entryKey: string;
  guid: string | null;
  /** Canonical http(s) URL, or null when the entry has no usable link. */
  url: string | null;
  title: string;
  summary: string;
  author: string | null;
  lang: string | null;
  publishedAt: number;
  dateSource: "feed" | "first-seen";
  /** Hash of title and summary, to notice a changed headline cheaply. */
  contentHash: string;
}

export interface NormalizeContext {
  /** URL the feed was fetched from, for resolving relative links. */
  feedUrl: string;
  /** The feed's <link> (site home page), preferred over feedUrl as the base when present. */
  siteUrl?: string | undefined;
  /** Language configured on the feed row, else the one the feed declares. */
  feedLang?: string | null | undefined;
  /** First-seen time (epoch ms). */
  now: number;
}

// TODO(normalize helper): implement normalizeItem(item: ParsedItem, ctx: NormalizeContext): NormalizedArticle | null
export type { ParsedItem };
