/**
 * Untrusted text as XML 1.0 character data. Feed titles arrive with anything in them: markup, `]]>`, and
 * control characters that XML 1.0 forbids even as character references, so those are dropped rather than
 * escaped. Lone surrogates (half an emoji cut by a truncation) are not XML characters either.
 */
const ILLEGAL_XML_CHARS = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripIllegalXmlChars(text: string): string {
  return text.replace(ILLEGAL_XML_CHARS, "");
}

/** Text content of an element. `>` is escaped too, so `]]>` can never close anything. */
export function xmlText(text: string): string {
  return stripIllegalXmlChars(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A double-quoted attribute value; tabs and newlines are kept as references so attribute normalization keeps them. */
export function xmlAttr(text: string): string {
  return xmlText(text)
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}
