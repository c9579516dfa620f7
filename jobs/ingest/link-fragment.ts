import { isTrackingName } from "./tracking-parameters";

/**
 * Fragments that only say where on the page to land or how the reader arrived, never which article it is.
 * Any other fragment stays in the link, since day pages (scripting.com), wikis and live blogs give each entry
 * its own anchor on one page, and dropping it would merge those entries into one.
 *
 * - `#comments`, `#respond`, `#disqus_thread`, `#comment-form`: the comment area of the article's own page
 *   (WordPress, Disqus); a feed's link to it is the article. `#comment-123` stays: it is one comment.
 * - `#more`, `#more-123`: WordPress's "read more" jump, the rest of the same post.
 * - `#top`, `#main`, `#content`, `#main-content`, `#article`, `#story`, `#continue-reading`, `#read-more`:
 *   skip links and jumps into the article's own page.
 * - `#.Uxxxx` (a dot and an opaque code, optionally `.twitter`): AddThis' address-bar sharing tracker.
 * - key=value lists whose every key tracks (`#xtor=RSS-1` from AT Internet, `#utm_source=…`, `#ref=rss`,
 *   `#ftag=…` from CBS, `#Echobox=…`), and the empty fragment.
 */
const NAVIGATION = new Set([
  "comments",
  "respond",
  "disqus_thread",
  "comment-form",
  "commentform",
  "more",
  "top",
  "main",
  "content",
  "main-content",
  "maincontent",
  "article",
  "story",
  "continue-reading",
  "read-more",
  "readmore",
]);

/** Keys that track only when they sit in a fragment, which no server ever sees. */
const FRAGMENT_TRACKING = new Set(["ref", "source", "src", "from", "via", "ftag", "echobox", "sref", "rss"]);

const MORE = /^more-\d+$/;
const ADDTHIS = /^\.[A-Za-z0-9_-]{6,}(\.[a-z]+)?$/;

/** `hash` (with its `#`, as URL.hash gives it) as kept in an article's canonical link: itself, or "". */
export function keptFragment(hash: string): string {
  if (hash.length <= 1) return "";
  const fragment = hash.slice(1);
  const lower = fragment.toLowerCase();
  if (NAVIGATION.has(lower) || MORE.test(lower) || ADDTHIS.test(fragment)) return "";
  if (fragment.includes("=") && fragment.split("&").every(isTrackingPair)) return "";
  return hash;
}

function isTrackingPair(pair: string): boolean {
  if (pair === "") return true;
  const eq = pair.indexOf("=");
  const name = (eq === -1 ? pair : pair.slice(0, eq)).toLowerCase();
  return FRAGMENT_TRACKING.has(name) || isTrackingName(name);
}
