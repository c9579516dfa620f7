import { withDistinctKeys } from "./entry-identity";
import { type NormalizedArticle, normalizeItem } from "./normalize";
import { parseFeed } from "./parse-feed";

/**
 * Entries read from one document. News feeds carry tens of entries and the largest archives a few hundred;
 * a document with tens of thousands is a dump, and storing all of it in one transaction would take the
 * process past its memory budget.
 */
export const MAX_ENTRIES_PER_DOCUMENT = 2_000;

export interface DocumentInput {
  body: Uint8Array;
  contentType: string | null;
  /** Where the document was fetched from, for relative links. */
  baseUrl: string;
  /** The language configured on the feed row; else the feed's own declaration is used. */
  feedLang: string | null;
  /** First-seen time of the entries (epoch ms). */
  now: number;
}

/** A document read: the feed's own title and link, and its entries as clean articles, in feed order. */
export interface ReadDocument {
  title: string | undefined;
  link: string | undefined;
  articles: NormalizedArticle[];
  /** Entries the document had, before the MAX_ENTRIES_PER_DOCUMENT cut. */
  entryCount: number;
  /** Entries read: all of them, or the first MAX_ENTRIES_PER_DOCUMENT. */
  entriesRead: number;
  /** Set when the document was read leniently (parse-feed.ts's recovery): what was wrong and what was done. */
  warning: string | undefined;
}

/**
 * Bytes -> clean articles: parse, then normalize each of the first MAX_ENTRIES_PER_DOCUMENT entries. No I/O and
 * nothing shared, so the document worker runs this very function (prepare-entries.ts). Throws FeedError as parseFeed does.
 */
export async function readDocument(input: DocumentInput): Promise<ReadDocument> {
  const parsed = await parseFeed({ body: input.body, contentType: input.contentType });
  const context = {
    feedUrl: input.baseUrl,
    siteUrl: parsed.link,
    feedLang: input.feedLang ?? parsed.language ?? null,
    now: input.now,
  };
  const read = parsed.items.slice(0, MAX_ENTRIES_PER_DOCUMENT);
  const articles: NormalizedArticle[] = withDistinctKeys(read.map((item) => normalizeItem(item, context)));
  return {
    title: parsed.title,
    link: parsed.link,
    articles,
    entryCount: parsed.items.length,
    entriesRead: read.length,
    warning: parsed.warning,
  };
}
