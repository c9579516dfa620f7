import Parser from "rss-parser";

export type Fields = Record<string, unknown>;
export type RawFeed = Fields & { items: Fields[] };

// Dates and creators under names rss-parser does not map itself: Atom 0.3 (issued, modified, created),
// Atom 1.0 published/updated as raw strings, Dublin Core in RSS 1.0.
const ITEM_FIELDS = ["published", "updated", "issued", "modified", "created", "dc:date", "dc:creator"];
const FEED_FIELDS = ["dc:language", "subtitle"];

/** The rss-parser methods we wrap; they are not in its type declarations. */
interface Internals {
  buildRSS(channel: Fields, items: unknown): RawFeed;
  buildRSS0_9(xml: Fields): RawFeed;
  buildRSS1(xml: Fields): RawFeed;
  buildRSS2(xml: Fields): RawFeed;
  buildAtomFeed(xml: Fields): RawFeed;
  parseItemAtom(entry: unknown): Fields;
}

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

/**
 * rss-parser assumes well-shaped feeds: an <rss> without <channel>, an RDF channel under another prefix,
 * an Atom <link> without href or an unreadable Atom date make it throw TypeErrors that would sink the whole
 * feed. These wrappers give it sane shapes and leave the mapping itself to rss-parser.
 */
function harden(parser: Parser<Fields, Fields>): void {
  const internals = parser as unknown as Internals;
  const buildRSS = internals.buildRSS.bind(parser);
  const buildAtomFeed = internals.buildAtomFeed.bind(parser);
  const parseItemAtom = internals.parseItemAtom.bind(parser);

  const buildRss = (xml: Fields): RawFeed => {
    const rss = objectOr(xml.rss);
    const channel = objectOr(firstOf(rss.channel));
    return buildRSS(channel, channel.item ?? rss.item);
  };
  internals.buildRSS2 = buildRss; // also skips the iTunes decoration, which we do not use
  internals.buildRSS0_9 = buildRss;
  internals.buildRSS1 = (xml) => {
    const rdf = objectOr(xml["rdf:RDF"]);
    const channel = objectOr(firstOf(rdf.channel));
    return buildRSS(channel, rdf.item ?? channel.item);
  };
  internals.buildAtomFeed = (xml) => {
    const feed = objectOr(xml.feed);
    return buildAtomFeed({ feed: { ...feed, link: linksWithAttributes(feed.link) } });
  };
  internals.parseItemAtom = (entry) => {
    const fields = objectOr(entry);
    const safe: Fields = { ...fields, link: linksWithAttributes(fields.link) };
    if (hasUnreadableDate(fields.published)) delete safe.published;
    if (hasUnreadableDate(fields.updated)) delete safe.updated;
    const item = parseItemAtom(safe);
    item.published ??= firstOf(fields.published);
    item.updated ??= firstOf(fields.updated);
    return item;
  };
}

/** A hardened rss-parser; `renameTag`, when given, rewrites every element name before rss-parser sees it. */
export function createRssParser(renameTag?: (name: string) => string): Parser<Fields, Fields> {
  const parser = new Parser<Fields, Fields>({
    defaultRSS: 2, // `<rss>` without a version is RSS 2 in practice
    customFields: { item: ITEM_FIELDS, feed: FEED_FIELDS as never[] },
    ...(renameTag ? { xml2js: { tagNameProcessors: [renameTag] } } : {}),
  });
  harden(parser);
  return parser;
}
