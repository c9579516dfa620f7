/**
 * A link Tidemark shows or hands on (a feed's site, a story event's source): only http(s) is a link here.
 * `javascript:`, `data:` and the rest run or render something in whoever follows them.
 */
export function httpLink(raw: string, base?: string): string | null {
  const url = URL.parse(raw.trim(), base);
  return url && (url.protocol === "http:" || url.protocol === "https:") ? url.href : null;
}
