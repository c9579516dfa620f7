import { keptFragment } from "./link-fragment";
import { isTrackingName } from "./tracking-parameters";

/**
 * The canonical form of an article link: resolved against `base`, http(s) only, no credentials, default port,
 * trailing host dot, tracking parameters or navigation fragment (link-fragment.ts). Path case and the order and spelling of the
 * remaining parameters are kept, since servers may treat them as significant. Null when unusable.
 */
export function canonicalUrl(href: string, base: string): string | null {
  const trimmed = href.trim();
  if (trimmed === "") return null;
  const url = parseUrl(trimmed, base);
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) return null;
  const host = url.hostname.endsWith(".") ? url.hostname.slice(0, -1) : url.hostname;
  if (host === "") return null;
  const port = url.port === "" ? "" : `:${url.port}`;
  return `${url.protocol}//${host}${port}${url.pathname}${keptQuery(url.search)}${keptFragment(url.hash)}`;
}

function parseUrl(href: string, base: string): URL | null {
  // An unusable base must not spoil an absolute href, so fall back to parsing href alone.
  return URL.parse(href, base) ?? URL.parse(href);
}

/** `search` minus tracking parameters and empty pieces, as written; "" when nothing is left. */
function keptQuery(search: string): string {
  if (search.length <= 1) return "";
  const kept = search
    .slice(1)
    .split("&")
    .filter((pair) => pair !== "" && !isTracking(pair));
  return kept.length === 0 ? "" : `?${kept.join("&")}`;
}

function isTracking(pair: string): boolean {
  const eq = pair.indexOf("=");
  const name = decodeName(eq === -1 ? pair : pair.slice(0, eq)).toLowerCase();
  return isTrackingName(name);
}

function decodeName(raw: string): string {
  if (!raw.includes("%") && !raw.includes("+")) return raw;
  try {
    return decodeURIComponent(raw.replaceAll("+", " "));
  } catch {
    return raw;
  }
}
