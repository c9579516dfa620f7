import { type PrefixRenames, renameTag } from "./xml-prefixes";
import { attribute, nameAt, skipPast, tagEnd } from "./xml-scan";

/** One entry element of a document as written. */
export interface ScannedEntry {
  /** The `xml:base` values in effect at the entry, outermost first. */
  bases: string[];
  /** Where its markup starts and ends in the text (end exclusive; the text's end if it is never closed). */
  start: number;
  end: number;
}

/**
 * The entries of a document in document order, with the `xml:base` values in effect at each (XML Base,
 * RFC 3986 §5.1: an element's base is its nearest xml:base, itself resolved against its parent's, and the
 * outermost against the document's URL) and their markup. xml2js drops the ancestry and the unknown elements
 * rss-parser would need, so this is a second linear pass over the markup, run only on the documents that
 * need it (xml-feed.ts).
 */
export function scanEntries(
  text: string,
  entryName: "entry" | "item",
  renames: PrefixRenames,
): ScannedEntry[] {
  const entries: ScannedEntry[] = [];
  // One frame per open element: its xml:base (or undefined) and the entry it opens, if it is one.
  const open: Array<{ base: string | undefined; entry: ScannedEntry | undefined }> = [];
  let insideEntry = 0;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    if (lt === -1) break;
    const next = text[lt + 1];
    if (next === "!") {
      if (text.startsWith("<!--", lt)) i = skipPast(text, "-->", lt + 4);
      else if (text.startsWith("<![CDATA[", lt)) i = skipPast(text, "]]>", lt + 9);
      else i = tagEnd(text, lt + 2);
    } else if (next === "?") {
      i = skipPast(text, "?>", lt + 2);
    } else if (next === "/") {
      const closed = open.pop();
      i = tagEnd(text, lt + 2);
      if (closed?.entry) {
        insideEntry--;
        closed.entry.end = i;
      }
    } else {
      i = tagEnd(text, lt + 1);
      const tag = text.slice(lt, i);
      const base = attribute(tag, "xml:base");
      // Nested entries (an <item> inside an <item>) are not entries of the feed.
      let entry: ScannedEntry | undefined;
      if (insideEntry === 0 && renameTag(nameAt(text, lt + 1), renames) === entryName) {
        const chain = open.flatMap((frame) => (frame.base === undefined ? [] : [unescapeXml(frame.base)]));
        entry = { bases: base === undefined ? chain : [...chain, unescapeXml(base)], start: lt, end: i };
        entries.push(entry);
      }
      if (text.charCodeAt(i - 2) !== 47 /* / */) {
        open.push({ base, entry });
        if (entry) {
          insideEntry++;
          entry.end = text.length;
        }
      }
    }
  }
  return entries;
}

/**
 * The base URL an entry's links resolve against: the document's URL, then each xml:base in turn. A base that
 * does not parse or is not http(s) (`javascript:`) is skipped, as if it were absent.
 */
export function resolveBase(chain: readonly string[], documentUrl: string): string {
  let base = documentUrl;
  for (const value of chain) {
    const next = URL.parse(value.trim(), base);
    if (next && (next.protocol === "http:" || next.protocol === "https:")) base = next.href;
  }
  return base;
}

function unescapeXml(value: string): string {
  return value.includes("&") ? value.replaceAll("&amp;", "&").replaceAll("&quot;", '"') : value;
}
