import { xmlAttr, xmlText } from "../core/text/xml-text";

/**
 * Atom 1.0 (RFC 4287) documents, built as strings from plain data. Every piece of feed text goes through
 * xmlText/xmlAttr: it is untrusted and is only ever emitted as text (title and summary are type="text").
 */

export interface AtomCategory {
  term: string;
  scheme?: string | undefined;
  label?: string | undefined;
}

export interface AtomEntry {
  id: string;
  title: string;
  /** Only http(s) URLs are linked; anything else is left out. */
  url: string | null;
  summary: string;
  author: string;
  published: number;
  updated: number;
  categories: AtomCategory[];
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  selfUrl: string;
  /** A page for people, e.g. the dashboard. */
  htmlUrl: string;
  /** Used when there is no entry: RFC 4287 requires an <updated> on every feed. */
  fallbackUpdated: number;
  generator: string;
  entries: AtomEntry[];
}

/** A `tag:` URI (RFC 4151). The authority is a DNS name without a port; the date only has to be fixed forever. */
export function tagUri(publicUrl: string, specific: string): string {
  const host = new URL(publicUrl).hostname
    .replace(/^\[|\]$/g, "")
    .replace(/:/g, "-")
    .toLowerCase();
  return `tag:${host},2025:${specific}`;
}

export function httpUrlOrNull(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

export function renderAtomFeed(feed: AtomFeed): string {
  const updated =
    feed.entries.length > 0 ? Math.max(...feed.entries.map((e) => e.updated)) : feed.fallbackUpdated;
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title type="text">${xmlText(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle type="text">${xmlText(feed.subtitle)}</subtitle>`] : []),
    `  <updated>${iso(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlAttr(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlAttr(feed.htmlUrl)}"/>`,
    `  <author><name>${xmlText(feed.generator)}</name></author>`,
    `  <generator>${xmlText(feed.generator)}</generator>`,
    ...feed.entries.map(renderEntry),
    `</feed>`,
  ];
  return `${lines.join("\n")}\n`;
}

function renderEntry(entry: AtomEntry): string {
  const url = httpUrlOrNull(entry.url);
  const lines = [
    `  <entry>`,
    `    <id>${xmlText(entry.id)}</id>`,
    `    <title type="text">${xmlText(entry.title)}</title>`,
    ...(url ? [`    <link rel="alternate" href="${xmlAttr(url)}"/>`] : []),
    `    <published>${iso(entry.published)}</published>`,
    `    <updated>${iso(entry.updated)}</updated>`,
    `    <author><name>${xmlText(entry.author)}</name></author>`,
    ...(entry.summary ? [`    <summary type="text">${xmlText(entry.summary)}</summary>`] : []),
    ...entry.categories.map(renderCategory),
    `  </entry>`,
  ];
  return lines.join("\n");
}

function renderCategory(category: AtomCategory): string {
  const scheme = category.scheme === undefined ? "" : ` scheme="${xmlAttr(category.scheme)}"`;
  const label = category.label === undefined ? "" : ` label="${xmlAttr(category.label)}"`;
  return `    <category term="${xmlAttr(category.term)}"${scheme}${label}/>`;
}
