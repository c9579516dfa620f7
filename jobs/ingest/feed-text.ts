import { stripUnsafeCharacters } from "../../core/text/control-characters";
import { httpLink } from "../../core/urls/http-link";
import { toPlainText } from "./plain-text";

/**
 * A feed's own text is the publisher's, and so the attacker's when the feed is hostile: after markup is gone
 * (plain-text.ts), bidi overrides and control characters go too, so no title reorders what a reader sees or
 * sends escape codes to a terminal (`feeds list`). Normalize runs every entry's text through this, and the
 * ingest runs the feed's own title and link through `feedInfo`, so every path that stores feed text does.
 */
export function safeFeedText(text: string): string {
  return stripUnsafeCharacters(text).trim();
}

/** Longest feed name kept, as the API's own limit on a name given by hand. */
export const FEED_NAME_MAX = 200;

/** The feed's title and site link as the feed row may keep them: plain safe text, an http(s) URL or nothing. */
export function feedInfo(
  raw: { title?: string | undefined; link?: string | undefined },
  feedUrl: string,
): { title: string | undefined; siteUrl: string | undefined } {
  const title = raw.title ? safeFeedText(toPlainText(raw.title, FEED_NAME_MAX)) : "";
  const siteUrl = raw.link ? httpLink(raw.link, feedUrl) : null;
  return { title: title || undefined, siteUrl: siteUrl ?? undefined };
}
