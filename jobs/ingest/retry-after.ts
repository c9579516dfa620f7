/** A server may ask for a long pause, but not for one long enough to make us forget the feed. */
export const MAX_RETRY_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

// The three HTTP-date forms of RFC 9110 section 5.6.7. Date.parse is not used: it reads asctime as local time
// and accepts nearly anything ("1" is the year 2001).
const IMF_FIXDATE = /^[a-z]{3}, (\d{2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
const RFC_850 = /^[a-z]{6,9}, (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
const ASCTIME = /^[a-z]{3} ([a-z]{3}) ( \d|\d{2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i;

/**
 * Milliseconds to wait from a Retry-After header (delta-seconds or HTTP-date), at most `maxMs`; a date in
 * the past is 0. Undefined when the header is missing or unreadable, so the caller's own backoff applies.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number,
  maxMs: number = MAX_RETRY_AFTER_MS,
): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, maxMs);
  const date = parseHttpDate(text, nowMs);
  if (date === undefined) return undefined;
  return Math.min(Math.max(date - nowMs, 0), maxMs);
}

/** Epoch milliseconds of an HTTP-date, or undefined when `text` is not one. */
export function parseHttpDate(text: string, nowMs: number): number | undefined {
  let match = IMF_FIXDATE.exec(text);
  if (match) return utc(match[3], match[2], match[1], match[4], match[5], match[6]);
  match = RFC_850.exec(text);
  if (match) return utc(fullYear(Number(match[3]), nowMs), match[2], match[1], match[4], match[5], match[6]);
  match = ASCTIME.exec(text);
  if (match) return utc(match[6], match[1], match[2], match[3], match[4], match[5]);
  return undefined;
}

function utc(
  year: string | number | undefined,
  monthName: string | undefined,
  ...rest: Array<string | undefined>
): number | undefined {
  const month = MONTHS.indexOf((monthName ?? "").toLowerCase());
  const [day, hour, minute, second] = rest.map(Number) as [number, number, number, number];
  if (month < 0 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const time = Date.UTC(Number(year), month, day, hour, minute, second);
  // Date.UTC rolls 31 Feb over into March; a date that does not exist is garbage.
  return new Date(time).getUTCDate() === day ? time : undefined;
}

/** RFC 9110: a two-digit year more than 50 years in the future means the most recent past such year. */
function fullYear(twoDigits: number, nowMs: number): number {
  const thisYear = new Date(nowMs).getUTCFullYear();
  const year = Math.floor(thisYear / 100) * 100 + twoDigits;
  return year > thisYear + 50 ? year - 100 : year;
}
