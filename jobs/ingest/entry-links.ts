/**
 * An entry's links from its raw elements as xml2js gives them (`{ $: attributes, _: text }` or a bare string),
 * which rss-parser reduces to one value: for Atom the first link of any kind when there is no alternate one
 * (so a rel="related", "via" or "self" link became the article's address), and for RSS an enclosure only when
 * it has attributes.
 */
export interface EntryLinks {
  /** Atom: the alternate link (rel="alternate" or no rel, RFC 4287 §4.2.7.2). */
  alternate?: string | undefined;
  /** The xml:base on the alternate link element itself. */
  alternateBase?: string | undefined;
  enclosure?: string | undefined;
  /** Atom <content src>: the entry's content lives there. */
  contentSrc?: string | undefined;
}

type Element = { $?: Record<string, unknown>; _?: unknown };

function asElement(value: unknown): Element | undefined {
  if (typeof value === "string") return { _: value };
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Element)
    : undefined;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** Text used as a URL only when it is an absolute http(s) one: an element's text is too often prose. */
function absoluteText(value: unknown): string | undefined {
  const text = nonEmpty(value);
  return text !== undefined && /^https?:\/\//i.test(text) ? text : undefined;
}

function elements(value: unknown): Element[] {
  return Array.isArray(value) ? value.flatMap((item) => asElement(item) ?? []) : [];
}

const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);

/** Atom <link> elements: the alternate one (an HTML page before any other), and the first enclosure. */
export function atomLinks(links: unknown): Pick<EntryLinks, "alternate" | "alternateBase" | "enclosure"> {
  let alternate: Element | undefined;
  let alternateIsHtml = false;
  let enclosure: string | undefined;
  for (const link of elements(links)) {
    // A link without href but with text (`<link>http://…</link>`) is a common mistake; readers take the text.
    const href = nonEmpty(link.$?.href) ?? absoluteText(link._);
    if (href === undefined) continue;
    const rel = nonEmpty(link.$?.rel) ?? "alternate";
    if (rel === "alternate") {
      const isHtml = HTML_TYPES.has(String(link.$?.type ?? "").toLowerCase());
      if (alternate === undefined || (isHtml && !alternateIsHtml)) {
        alternate = { ...link, _: href };
        alternateIsHtml = isHtml;
      }
    } else if (rel === "enclosure") enclosure ??= href;
  }
  return {
    alternate: alternate?._ as string | undefined,
    alternateBase: nonEmpty(alternate?.$?.["xml:base"]),
    enclosure,
  };
}

/** RSS <enclosure url="…">, also when it holds text or children; its text when it has no url. */
export function rssEnclosure(enclosures: unknown): string | undefined {
  for (const enclosure of elements(enclosures)) {
    const url = nonEmpty(enclosure.$?.url) ?? absoluteText(enclosure._);
    if (url !== undefined) return url;
  }
  return undefined;
}

/** Atom <content src="…">. */
export function contentSource(contents: unknown): string | undefined {
  for (const content of elements(contents)) {
    const src = nonEmpty(content.$?.src);
    if (src !== undefined) return src;
  }
  return undefined;
}
