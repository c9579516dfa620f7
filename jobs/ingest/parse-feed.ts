/** What the parser hands on: raw strings as the feed gave them; normalize.ts turns them into clean values. */
export interface ParsedItem {
  guid?: string | undefined;
  link?: string | undefined;
  title?: string | undefined;
  /** Description/summary, may contain HTML. */
  summary?: string | undefined;
  /** Full content (content:encoded, atom content), may contain HTML; used when there is no summary. */
  content?: string | undefined;
  author?: string | undefined;
  /** Date string as found (pubDate, published, updated, dc:date, date_published). */
  published?: string | undefined;
  language?: string | undefined;
}

export interface ParsedFeed {
  format: "rss" | "rdf" | "atom" | "json";
  title?: string | undefined;
  /** The site's home page, used to resolve relative article links. */
  link?: string | undefined;
  language?: string | undefined;
  items: ParsedItem[];
}

export interface ParseInput {
  body: Uint8Array;
  /** Content-Type header, for its charset. */
  contentType?: string | null | undefined;
}

// TODO(parse helper): implement parseFeed(input: ParseInput): Promise<ParsedFeed>, throwing FeedError.
