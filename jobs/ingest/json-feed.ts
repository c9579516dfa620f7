import { FeedError } from "./feed-error";
import type { ParsedFeed, ParsedItem } from "./parse-feed";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A JSON value as text: strings as they are, numbers (ids often are) as digits, anything else dropped. */
function text(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

function authorName(item: Json): string | undefined {
  // 1.1 has an `authors` array, 1.0 a single `author`; either may carry only a url.
  const candidates = Array.isArray(item.authors) ? item.authors : [item.author];
  const names = candidates.flatMap((author) => {
    const name = isObject(author) ? text(author.name) : text(author);
    return name ? [name] : [];
  });
  return names.length > 0 ? names.join(", ") : undefined;
}

/** The first attachment's URL: a podcast episode's audio, where the item has no page of its own. */
function attachmentUrl(item: Json): string | undefined {
  const attachments = Array.isArray(item.attachments) ? item.attachments : [];
  for (const attachment of attachments) {
    const url = isObject(attachment) ? text(attachment.url) : undefined;
    if (url?.trim()) return url;
  }
  return undefined;
}

function jsonItem(item: unknown): ParsedItem {
  if (!isObject(item)) return {};
  return {
    guid: text(item.id),
    link: text(item.url) ?? text(item.external_url),
    enclosure: attachmentUrl(item),
    title: text(item.title),
    summary: text(item.summary),
    content: text(item.content_html) ?? text(item.content_text),
    author: authorName(item),
    published: text(item.date_published) ?? text(item.date_modified),
    language: text(item.language),
  };
}

function isJsonFeedShaped(doc: Json): boolean {
  const version = text(doc.version) ?? "";
  if (/jsonfeed\.org\/version\//.test(version)) return true;
  return "title" in doc || "home_page_url" in doc || "feed_url" in doc;
}

/**
 * Integer ids past 2^53 (database and snowflake ids: 1234567890123456789) as strings: JSON.parse would round
 * them to the nearest double, and neighbouring items would share one id and be stored as one. Inside a JSON
 * string every quote is escaped, so `"id": digits` only ever matches a member.
 */
function withExactIds(source: string): string {
  return source.replace(/("id"\s*:\s*)(-?\d{16,})(?=\s*[,}\]])/g, '$1"$2"');
}

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). */
export function parseJsonFeed(source: string): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(withExactIds(source));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FeedError("parse", `invalid JSON: ${reason}`, { cause: error });
  }
  if (!isObject(doc)) {
    throw new FeedError("not-a-feed", "expected RSS, Atom or JSON Feed, got JSON that is not an object");
  }
  if (!Array.isArray(doc.items) || !isJsonFeedShaped(doc)) {
    const keys = Object.keys(doc).slice(0, 5).join(", ");
    throw new FeedError(
      "not-a-feed",
      `expected RSS, Atom or JSON Feed, got JSON without a feed's items (keys: ${keys})`,
    );
  }
  return {
    format: "json",
    title: text(doc.title),
    link: text(doc.home_page_url),
    language: text(doc.language),
    items: doc.items.map(jsonItem),
  };
}
