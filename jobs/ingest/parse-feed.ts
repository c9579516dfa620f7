import { decodeFeed } from "./decode";
import { FeedError } from "./feed-error";
import { parseJsonFeed } from "./json-feed";
import { readXmlFeed } from "./xml-feed";

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
  /** The first enclosure's URL (RSS <enclosure>, Atom rel="enclosure", a JSON Feed attachment). */
  enclosure?: string | undefined;
  /** Where the content lives when the entry only points at it (Atom <content src>). */
  contentSrc?: string | undefined;
  /** The xml:base values in effect for the entry's links, outermost first (xml-entries.ts). */
  bases?: string[] | undefined;
  /** The entry's markup, only for an entry with neither guid, link, title nor text to tell it apart by. */
  markup?: string | undefined;
}

export interface ParsedFeed {
  format: "rss" | "rdf" | "atom" | "json";
  title?: string | undefined;
  /** The site's home page, used to resolve relative article links. */
  link?: string | undefined;
  language?: string | undefined;
  items: ParsedItem[];
  /**
   * Set when the document was not clean and was read leniently (feedparser's `bozo`): what was wrong and what
   * was done, for the feed's health.
   */
  warning?: string | undefined;
  /** The charset the body was decoded with, and where that came from (BOM, header, declaration, ...). */
  charset?: string | undefined;
  charsetSource?: string | undefined;
}

export interface ParseInput {
  body: Uint8Array;
  /** Content-Type header, for its charset. */
  contentType?: string | null | undefined;
}

const EXPECTED = "expected RSS, Atom or JSON Feed, got";

/** Index of the first character that is not whitespace, a BOM or a NUL, or -1. */
function firstSignificant(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 0xfeff) return i;
  }
  return -1;
}

function preview(text: string): string {
  return JSON.stringify(text.slice(0, 40).replace(/\s+/g, " "));
}

/**
 * Bytes of a feed document -> its items, as raw strings. Throws FeedError: "not-a-feed" for HTML pages,
 * other XML or JSON, and empty bodies; "parse" for malformed, over-nested or entity-bombed documents.
 */
export async function parseFeed(input: ParseInput): Promise<ParsedFeed> {
  const decoded = decodeFeed(input.body, input.contentType);
  const text = decoded.text;
  const start = firstSignificant(text);
  if (start === -1) throw new FeedError("not-a-feed", "empty document");
  const first = text[start];
  let feed: ParsedFeed;
  if (first === "{") feed = parseJsonFeed(text.slice(start));
  else if (first === "<") feed = await readXmlFeed(text.slice(start));
  else if (first === "[") throw new FeedError("not-a-feed", `${EXPECTED} a JSON array`);
  else
    throw new FeedError(
      "not-a-feed",
      `${EXPECTED} text that is neither XML nor JSON (${preview(text.slice(start))})`,
    );
  feed.charset = decoded.charset;
  feed.charsetSource = decoded.source;
  return feed;
}
