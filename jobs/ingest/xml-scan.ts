import { FeedError } from "./feed-error";

export const MAX_DEPTH = 256;

export interface XmlOutline {
  /** Name of the first element, as written (`rss`, `rdf:RDF`, `feed`, `html`). */
  rootName: string | undefined;
  /** The root's start tag, for its namespace and xml:lang attributes. */
  rootTag: string;
  /** Where the DOCTYPE declaration starts and ends (end exclusive), if there is one. */
  doctype: { start: number; end: number; name: string } | undefined;
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const DQUOTE = 34;
const SQUOTE = 39;

/** Index just past the `>` closing a tag that starts at `from`, honouring quoted attribute values. */
export function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === DQUOTE || c === SQUOTE) {
      quote = c;
    } else if (c === GT) {
      return i + 1;
    }
  }
  return text.length;
}

/** Index just past a DOCTYPE declaration: its internal subset may hold quoted `>` and `]` and comments. */
function doctypeEnd(text: string, from: number): number {
  let quote = 0;
  let inSubset = false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === DQUOTE || c === SQUOTE) {
      quote = c;
    } else if (inSubset && c === LT && text.startsWith("<!--", i)) {
      const close = text.indexOf("-->", i + 4);
      if (close === -1) return text.length;
      i = close + 2;
    } else if (c === 91 /* [ */) {
      inSubset = true;
    } else if (c === 93 /* ] */) {
      inSubset = false;
    } else if (c === GT && !inSubset) {
      return i + 1;
    }
  }
  return text.length;
}

/** The value of attribute `name` in a start tag as written, if it is there and quoted. */
export function attribute(tag: string, name: string): string | undefined {
  const at = tag.indexOf(` ${name}=`) + 1 || tag.indexOf(`\n${name}=`) + 1;
  if (at === 0) return undefined;
  const quote = tag[at + name.length + 1];
  if (quote !== '"' && quote !== "'") return undefined;
  const start = at + name.length + 2;
  const end = tag.indexOf(quote, start);
  return end === -1 ? undefined : tag.slice(start, end);
}

export function skipPast(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at === -1 ? text.length : at + marker.length;
}

export function nameAt(text: string, from: number): string {
  let end = from;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    // whitespace, `/`, `>`, `[` end a name
    if (c <= 32 || c === SLASH || c === GT || c === 91) break;
    end++;
  }
  return text.slice(from, end);
}

/**
 * One linear pass over the markup: finds the root element and the DOCTYPE, and refuses documents nested
 * deeper than MAX_DEPTH, because xml2js recurses per level and overflows the stack near 50,000 levels.
 * Comments, CDATA sections and processing instructions are skipped whole.
 */
export function scanXml(text: string): XmlOutline {
  const outline: XmlOutline = { rootName: undefined, rootTag: "", doctype: undefined };
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    if (lt === -1) break;
    const next = text.charCodeAt(lt + 1);
    if (next === BANG) {
      if (text.startsWith("<!--", lt)) i = skipPast(text, "-->", lt + 4);
      else if (text.startsWith("<![CDATA[", lt)) i = skipPast(text, "]]>", lt + 9);
      else if (/^<!doctype/i.test(text.slice(lt, lt + 9))) {
        let at = lt + 9;
        while (at < text.length && text.charCodeAt(at) <= 32) at++;
        const name = nameAt(text, at);
        i = doctypeEnd(text, lt + 9);
        outline.doctype ??= { start: lt, end: i, name };
      } else i = tagEnd(text, lt + 2);
    } else if (next === QUESTION) {
      i = skipPast(text, "?>", lt + 2);
    } else if (next === SLASH) {
      depth--;
      i = tagEnd(text, lt + 2);
    } else {
      i = tagEnd(text, lt + 1);
      if (text.charCodeAt(i - 2) !== SLASH) depth++;
      if (depth > MAX_DEPTH) {
        throw new FeedError("parse", `document nested deeper than ${MAX_DEPTH} elements`);
      }
      if (outline.rootName === undefined) {
        outline.rootName = nameAt(text, lt + 1);
        outline.rootTag = text.slice(lt, i);
      }
    }
  }
  return outline;
}
