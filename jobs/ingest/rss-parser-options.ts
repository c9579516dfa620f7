import type Parser from "rss-parser";
import { type PrefixRenames, renameTag } from "./xml-prefixes";

export type Fields = Record<string, unknown>;
export type RawFeed = Fields & { items: Fields[] };

// Keys no XML element can have (names hold no spaces): where an entry's unreadable Atom dates wait for
// rss-parser to copy them back to `published`/`updated` (see `atomEntry`).
const UNREADABLE_PUBLISHED = "unreadable published";
const UNREADABLE_UPDATED = "unreadable updated";

export const RAW_LINKS = "raw links";
export const RAW_ENCLOSURES = "raw enclosures";
export const RAW_CONTENT = "raw content";

// Dates and creators under names rss-parser does not map itself: Atom 0.3 (issued, modified, created),
// Atom 1.0 published/updated as raw strings, Dublin Core in RSS 1.0.
const ITEM_FIELDS = [
  "published",
  "updated",
  "issued",
  "modified",
  "created",
  "dc:date",
  "dc:creator",
  [UNREADABLE_PUBLISHED, "published"],
  [UNREADABLE_UPDATED, "updated"],
  // The elements as xml2js gives them, attributes and all, which rss-parser reduces to one value or drops:
  // every Atom link with its rel and xml:base, every enclosure, Atom content with its src (entry-links.ts).
  ["link", RAW_LINKS, { keepArray: true }],
  ["enclosure", RAW_ENCLOSURES, { keepArray: true }],
  ["content", RAW_CONTENT, { keepArray: true }],
];
const FEED_FIELDS = ["dc:language", "subtitle"];

function objectOr(value: unknown): Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Fields) : {};
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : undefined;
}

// rss-parser reads `link.$.rel` unguarded; a <link> without attributes would throw.
function linksWithAttributes(links: unknown): unknown {
  return Array.isArray(links) ? links.filter((link) => objectOr(link).$ !== undefined) : links;
}

// rss-parser calls `new Date(x).toISOString()` on Atom dates unguarded, which throws on a bad date.
function hasUnreadableDate(value: unknown): boolean {
  const text = firstOf(value);
  return typeof text === "string" && text.length > 0 && Number.isNaN(new Date(text).getTime());
}

/** `<rss>`: one channel, holding the items even when they sit beside it; no attributes, so no iTunes pass. */
function rssRoot(value: unknown): Fields {
  const rss = objectOr(value);
  const channel = objectOr(firstOf(rss.channel));
  return { channel: [{ ...channel, item: channel.item ?? rss.item }] };
}

/** `<rdf:RDF>`: one channel, and the items beside it even when they sit inside it. */
function rdfRoot(value: unknown): Fields {
  const rdf = objectOr(value);
  const channel = objectOr(firstOf(rdf.channel));
  return { channel: [channel], item: rdf.item ?? channel.item };
}

function atomRoot(value: unknown): Fields {
  const feed = objectOr(value);
  return { ...feed, link: linksWithAttributes(feed.link) };
}

/** An unreadable date moves aside, so rss-parser keeps the raw string but never converts it. */
function atomEntry(value: unknown): Fields {
  const fields = objectOr(value);
  const entry: Fields = { ...fields, link: linksWithAttributes(fields.link) };
  if (hasUnreadableDate(fields.published)) {
    delete entry.published;
    entry[UNREADABLE_PUBLISHED] = fields.published;
  }
  if (hasUnreadableDate(fields.updated)) {
    delete entry.updated;
    entry[UNREADABLE_UPDATED] = fields.updated;
  }
  return entry;
}

/**
 * rss-parser assumes well-shaped feeds: an <rss> without <channel>, an RDF channel under another prefix,
 * an Atom <link> without href or an unreadable Atom date make it throw TypeErrors that would sink the whole
 * feed. xml2js's documented `validator` hook sees each element as it closes and may return a replacement;
 * this one gives rss-parser sane shapes and leaves the mapping itself to rss-parser. An empty root stays
 * empty, so rss-parser still says it does not recognise the document.
 */
function saneShapes(xpath: string, _previous: unknown, value: unknown): unknown {
  switch (xpath) {
    case "/rss":
      return value ? rssRoot(value) : value;
    case "/rdf:RDF":
      return value ? rdfRoot(value) : value;
    case "/feed":
      return value ? atomRoot(value) : value;
    case "/feed/entry":
      return atomEntry(value);
    default:
      return value;
  }
}

/**
 * The options of one rss-parser, all documented: our custom fields, RSS 2 for an `<rss>` without a version,
 * xml2js's `tagNameProcessors`, which rewrites each element's namespace prefix to the spelling rss-parser
 * looks for (xml-prefixes.ts), and, when `reshape` is set, xml2js's `validator` with the sane shapes above.
 */
export function rssParserOptions(
  renames: PrefixRenames,
  { reshape }: { reshape: boolean },
): Parser.ParserOptions<Fields, Fields> {
  return {
    defaultRSS: 2, // `<rss>` without a version is RSS 2 in practice
    customFields: { item: ITEM_FIELDS as never[], feed: FEED_FIELDS as never[] },
    xml2js: {
      ...(reshape ? { validator: saneShapes } : {}),
      ...(renames.size > 0 ? { tagNameProcessors: [(name: string) => renameTag(name, renames)] } : {}),
    },
  };
}
