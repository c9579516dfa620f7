import { detectLanguage, languageFromHint } from "./detect-language";
import { entryKey, entryUrls, sha1 } from "./entry-identity";
import { parseFeedDate } from "./feed-date";
import { safeFeedText } from "./feed-text";
import type { ParsedItem } from "./parse-feed";
import { htmlToText, SUMMARY_MAX, TITLE_MAX, toPlainText, truncateText } from "./plain-text";

/** Feed dates before the web had feeds are placeholders (0, 1970, 1900): treat them as missing. */
const EARLIEST = Date.UTC(1995, 0, 1);
/** Further ahead than any time zone mistake: a scheduled or bogus date, not a publication time. */
const MAX_AHEAD = 24 * 60 * 60 * 1000;
const TITLE_FROM_SUMMARY = 120;
const AUTHOR_MAX = 200;

/** An entry ready to store: plain text, canonical URL, a definite time and a stable identity. */
export interface NormalizedArticle {
  /** Identity within the feed: guid, else canonical URL, else a hash of title and date (entry-identity.ts). */
  entryKey: string;
  guid: string | null;
  /** Canonical http(s) URL: the link, else the enclosure, content src or URL-shaped guid; null when none. */
  url: string | null;
  title: string;
  summary: string;
  author: string | null;
  lang: string | null;
  publishedAt: number;
  dateSource: "feed" | "first-seen";
  /** Hash of title and summary, to notice a changed headline cheaply. */
  contentHash: string;
}

export interface NormalizeContext {
  /** URL the feed was fetched from, for resolving relative links. */
  feedUrl: string;
  /** The feed's <link> (site home page), preferred over feedUrl as the base when present. */
  siteUrl?: string | undefined;
  /** Language configured on the feed row, else the one the feed declares. */
  feedLang?: string | null | undefined;
  /** First-seen time (epoch ms). */
  now: number;
}

export type { ParsedItem };

/**
 * Turns a parsed entry into clean values. Every entry is kept, as the reference parsers keep it: one without a
 * title takes its summary's opening, else its URL, else stays untitled (""), so a podcast episode that is only
 * an enclosure, or an item with only a guid, still counts.
 */
export function normalizeItem(item: ParsedItem, ctx: NormalizeContext): NormalizedArticle {
  let summary = safeFeedText(toPlainText(item.summary ?? "", SUMMARY_MAX));
  if (summary === "" && item.content) summary = safeFeedText(toPlainText(item.content, SUMMARY_MAX));
  const { link, url } = entryUrls(item, ctx.feedUrl, linkBase(ctx));
  let title = safeFeedText(toPlainText(item.title ?? "", TITLE_MAX));
  if (title === "") title = summary === "" ? (url ?? "") : truncateText(summary, TITLE_FROM_SUMMARY);
  const feedTime = item.published ? parseFeedDate(item.published) : null;
  const dated = feedTime !== null && feedTime >= EARLIEST && feedTime <= ctx.now + MAX_AHEAD;
  const guid = item.guid?.trim() || null;
  const author = authorName(item.author);
  return {
    entryKey: entryKey(guid, link, {
      title,
      feedTime: dated ? feedTime : null,
      summary,
      author,
      markup: item.markup,
    }),
    guid,
    url,
    title,
    summary,
    author,
    // An item's unusable language ("", "und") should not hide the feed's.
    lang: detectLanguage(
      `${title} ${summary}`,
      (item.language && languageFromHint(item.language)) || ctx.feedLang,
    ),
    publishedAt: dated ? feedTime : ctx.now,
    dateSource: dated ? "feed" : "first-seen",
    contentHash: sha1(`${title}\n${summary}`),
  };
}

/** The site's link (itself possibly relative to the feed URL) when it is http(s), else the feed URL. */
function linkBase(ctx: NormalizeContext): string {
  const site = ctx.siteUrl ? URL.parse(ctx.siteUrl.trim(), ctx.feedUrl) : null;
  return site && (site.protocol === "http:" || site.protocol === "https:") ? site.href : ctx.feedUrl;
}

/** "editor@x.com (Jane Doe)", "Jane Doe <jane@x.com>" and "By Jane Doe" all give "Jane Doe". */
function authorName(raw: string | undefined): string | null {
  if (!raw) return null;
  let name = htmlToText(raw.replace(/<[^<>\s@]+@[^<>\s]+>/g, " "), AUTHOR_MAX * 4);
  const wrapped = /^[^\s@()]+@[^\s()]+\s*\((.*)\)$/.exec(name);
  if (wrapped) name = wrapped[1]!.trim();
  name = name.replace(/^by\s+/i, "");
  // Blogger writes "noreply@blogger.com (Unknown)" for every anonymous post.
  if (name === "" || name.toLowerCase() === "unknown") return null;
  return safeFeedText(truncateText(name, AUTHOR_MAX)) || null;
}
