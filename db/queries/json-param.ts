/**
 * A JSON text for one SQL parameter that json_each unpacks. JSON.stringify writes a lone UTF-16 surrogate
 * (a broken feed's "\ud800") as the escape `\ud800`, which SQLite's JSON decoder turns into bytes that are not
 * UTF-8; libSQL then panics (and takes the process down) when it reads that text back. A bound string
 * parameter never has this problem, because Node encodes it with U+FFFD in place of the surrogate, so every
 * string is made well-formed the same way here.
 */
export function jsonParam(value: unknown): string {
  const json = JSON.stringify(value);
  // A lone surrogate always leaves JSON.stringify as a lower-case `\udXXX` escape (a pair is written as it is), so
  // text without `\ud` has none. Checking the text costs a fraction of a replacer called on every value, which
  // took ~5% of a big feed's ingest; only text with one (or with a literal `\ud`) is written again.
  if (!json?.includes("\\ud")) return json;
  return JSON.stringify(value, (_key, v) => (typeof v === "string" ? wellFormed(v) : v));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}
