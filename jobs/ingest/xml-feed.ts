import Parser from "rss-parser";
import { atomLinks, contentSource, rssEnclosure } from "./entry-links";
import { FeedError } from "./feed-error";
import type { ParsedFeed, ParsedItem } from "./parse-feed";
import {
  type Fields,
  RAW_CONTENT,
  RAW_ENCLOSURES,
  RAW_LINKS,
  type RawFeed,
  rssParserOptions,
} from "./rss-parser-options";
import { declaredEntities, expandEntities } from "./xml-entities";
import { scanEntries } from "./xml-entries";
import { type PrefixRenames, prefixRenames, renameTag } from "./xml-prefixes";
import { repairXml } from "./xml-repair";
import { attribute, scanXml, type XmlOutline } from "./xml-scan";

const EXPECTED = "expected RSS, Atom or JSON Feed, got";

/** The text of a value xml2js produced: a string, or an element object with a text node. */
function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null) {
    const inner = (value as { _?: unknown })._;
    if (typeof inner === "string") return inner;
  }
  return undefined;
}

function first(...values: unknown[]): string | undefined {
  for (const value of values) {
    const text = textOf(value);
    if (text !== undefined && text.trim() !== "") return text;
  }
  return undefined;
}

function toItem(raw: Fields, format: ParsedFeed["format"]): ParsedItem {
  const atom = format === "atom";
  const links = atom ? atomLinks(raw[RAW_LINKS]) : undefined;
  const linkBase = links?.alternateBase;
  return {
    guid: first(atom ? raw.id : raw.guid, raw["rdf:about"]),
    link: atom ? links?.alternate : first(raw.link),
    enclosure: atom ? links?.enclosure : rssEnclosure(raw[RAW_ENCLOSURES]),
    contentSrc: atom ? contentSource(raw[RAW_CONTENT]) : undefined,
    bases: linkBase === undefined ? undefined : [linkBase],
    title: first(raw.title),
    // rss-parser keeps an RSS description in `content`, an Atom summary in `summary`.
    summary: atom ? first(raw.summary) : first(raw.content, raw.summary),
    content: atom ? first(raw.content) : first(raw["content:encoded"]),
    author: first(raw.creator, raw.author, raw["dc:creator"]),
    // The raw strings first: rss-parser's isoDate reads a zoneless date in the server's local zone, while
    // normalize reads it as UTC whatever the machine's zone.
    published: first(
      raw.pubDate,
      raw.published,
      raw.updated,
      raw.issued,
      raw.modified,
      raw.created,
      raw["dc:date"],
      raw.isoDate,
    ),
    language: first(raw.language),
  };
}

function htmlTitle(text: string): string {
  const head = text.slice(0, 4096);
  const open = /<title[^>]*>/i.exec(head);
  if (!open) return "";
  const close = head.indexOf("<", open.index + open[0].length);
  const title = head.slice(open.index + open[0].length, close === -1 ? undefined : close).trim();
  return title ? `, title ${JSON.stringify(title.slice(0, 80))}` : "";
}

function formatOf(outline: XmlOutline, renames: PrefixRenames, text: string): ParsedFeed["format"] {
  const written = outline.rootName;
  if (written === undefined || written === "") {
    throw new FeedError("not-a-feed", `${EXPECTED} markup without elements`);
  }
  const name = renameTag(written, renames);
  if (name === "rss") return "rss";
  if (name === "rdf:RDF") return "rdf";
  if (name === "feed") return "atom";
  if (written.toLowerCase() === "html" || outline.doctype?.name.toLowerCase() === "html") {
    throw new FeedError("not-a-feed", `${EXPECTED} an HTML page (<${written}>${htmlTitle(text)})`);
  }
  throw new FeedError("not-a-feed", `${EXPECTED} XML with root element <${name.slice(0, 60)}>`);
}

function isBare(item: ParsedItem): boolean {
  return !(
    item.guid ||
    item.link ||
    item.enclosure ||
    item.contentSrc ||
    item.title ||
    item.summary ||
    item.content
  );
}

/**
 * What only the markup tells: the xml:base chain of each entry (when the document uses xml:base), and the
 * markup of entries that carry nothing else to tell them apart by. Both come from one more pass over the text
 * (xml-entries.ts), so it runs only for documents that need it. Scanned entries and rss-parser's items are
 * matched by position, so only when they agree in number.
 */
function withMarkupDetails(
  text: string,
  format: ParsedFeed["format"],
  renames: PrefixRenames,
  items: ParsedItem[],
): void {
  const bases = text.includes("xml:base");
  const bare = items.some(isBare);
  if (!bases && !bare) return;
  const scanned = scanEntries(text, format === "atom" ? "entry" : "item", renames);
  if (scanned.length !== items.length) return;
  items.forEach((item, i) => {
    const entry = scanned[i]!;
    if (bases && entry.bases.length > 0) item.bases = [...entry.bases, ...(item.bases ?? [])];
    if (bare && isBare(item)) item.markup = text.slice(entry.start, entry.end);
  });
}

function withoutDeclaration(text: string): string {
  if (!text.startsWith("<?xml") || text.charCodeAt(5) > 32) return text;
  const end = text.indexOf("?>");
  return end === -1 ? text : text.slice(end + 2);
}

/**
 * One document through rss-parser's public `parseString`, with a parser of its own: xml2js keeps per-parse
 * state in its instance, and a failed parse leaves a shared one half-reset (the next truncated document is
 * then reported as "Unable to parse XML." instead of its own error). A fresh instance has no earlier parse
 * to be confused by, costs microseconds, and settles within the call, since xml2js parses a string
 * synchronously.
 */
async function parseWith(xml: string, options: Parser.ParserOptions<Fields, Fields>): Promise<RawFeed> {
  const parser = new Parser<Fields, Fields>(options);
  try {
    return (await parser.parseString(xml)) as RawFeed;
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n").join(" ");
    // sax reports positions ("Line: 3 Column: 9"); anything else came from mapping an odd structure.
    const what = /Line: \d+/.test(reason) ? "malformed XML" : "unreadable feed structure";
    throw new FeedError("parse", `${what}: ${reason}`, { cause: error });
  }
}

/**
 * Most feeds are well shaped, and rss-parser maps them as they are. When it cannot (it throws on an RSS or
 * RDF document without a channel, an Atom link without attributes, an unreadable Atom date) or finds no
 * items (they may sit beside the channel), the document is parsed again with the reshaping validator
 * (rss-parser-options.ts): it sees every element, which costs about a tenth of the parse, too much to pay on
 * every feed. Malformed XML fails alike either way and is not parsed twice.
 */
async function runParser(xml: string, renames: PrefixRenames): Promise<RawFeed> {
  const asIs = await parseWith(xml, rssParserOptions(renames, { reshape: false })).catch((error: unknown) => {
    if (error instanceof FeedError && error.message.startsWith("malformed XML")) throw error;
    return undefined;
  });
  if (asIs !== undefined && asIs.items.length > 0) return asIs;
  return parseWith(xml, rssParserOptions(renames, { reshape: true }));
}

function escapeBareAmpersands(text: string): string {
  return text.replace(/&(?![A-Za-z_][\w.-]{0,63};|#[0-9]{1,8};|#x[0-9a-fA-F]{1,8};)/g, "&amp;");
}

/** An XML document (text starting at its first `<`) -> feed. */
export async function readXmlFeed(source: string): Promise<ParsedFeed> {
  let text = withoutDeclaration(source);
  const outline = scanXml(text);
  const renames = prefixRenames(text, outline.rootName ?? "");
  const root = renameTag(outline.rootName ?? "", renames);
  // An Atom Entry Document (RFC 4287 §4.1.2) is one entry without its feed.
  if (root === "entry") return readXmlFeed(wrapEntry(text, outline.rootTag));
  const embedded = root === "rss" || root === "rdf:RDF" || root === "feed" ? undefined : embeddedFeed(text);
  if (embedded) {
    const feed = await readXmlFeed(embedded);
    return { ...feed, warning: joinWarnings(`feed read from inside <${outline.rootName}>`, feed.warning) };
  }
  const format = formatOf(outline, renames, text);
  if (outline.doctype) {
    const { start, end } = outline.doctype;
    const entities = declaredEntities(text.slice(start, end));
    text = text.slice(0, start) + expandEntities(text.slice(end), entities);
  }
  const { raw, warning, read } = await parseLeniently(text, renames);
  const items = raw.items.map((item) => toItem(item, format));
  withMarkupDetails(read, format, renames, items);
  return {
    format,
    title: first(raw.title),
    link: first(raw.link),
    language: first(raw.language, raw["dc:language"], attribute(outline.rootTag, "xml:lang")),
    items,
    ...(warning ? { warning } : {}),
  };
}

/**
 * The strict parse, and when it fails, what a lenient reader recovers: bare `&` escaped (`?a=1&b=2`, `AT&T`,
 * the commonest breakage in real feeds), then references and tags repaired (xml-repair.ts). What was done is
 * returned as the warning the feed's health shows; when nothing recovers the document, the strict parser's
 * error stands.
 */
async function parseLeniently(
  text: string,
  renames: PrefixRenames,
): Promise<{ raw: RawFeed; warning?: string; read: string }> {
  const strict = await runParser(text, renames).catch((error: unknown) => error);
  if (!(strict instanceof Error)) return { raw: strict as RawFeed, read: text };
  if (!(strict instanceof FeedError && strict.message.startsWith("malformed XML"))) throw strict;
  const escaped = escapeBareAmpersands(text);
  const ampersands = escaped === text ? [] : ["bare & escaped"];
  if (ampersands.length > 0) {
    const raw = await runParser(escaped, renames).catch(() => undefined);
    if (raw) return { raw, warning: `${strict.message}; read after ${ampersands[0]}`, read: escaped };
  }
  const repaired = repairXml(escaped);
  const raw = await runParser(repaired.text, renames).catch(() => undefined);
  if (!raw) throw strict;
  const done = [...ampersands, ...repaired.repairs].join(", ") || "a lenient read";
  return { raw, warning: `${strict.message}; read after ${done}`, read: repaired.text };
}

function joinWarnings(first: string, second: string | undefined): string {
  return second ? `${first}; ${second}` : first;
}

/** `<feed>` around the root `<entry>`, after any prolog (comments, DOCTYPE) before it. */
function wrapEntry(text: string, rootTag: string): string {
  const at = text.indexOf(rootTag);
  return `${text.slice(0, at)}<feed>${text.slice(at)}</feed>`;
}

/**
 * A feed element inside another document (an XHTML page that wraps its Atom feed, a SOAP envelope), from its
 * start tag to its last end tag; undefined when there is none.
 */
function embeddedFeed(text: string): string | undefined {
  const start = /<(feed|rss|rdf:RDF)[\s>]/.exec(text);
  if (!start) return undefined;
  const close = `</${start[1]}>`;
  const end = text.lastIndexOf(close);
  return end > start.index ? text.slice(start.index, end + close.length) : text.slice(start.index);
}
