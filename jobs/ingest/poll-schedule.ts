/**
 * When to fetch a feed next. Pure: the caller passes the clock and the randomness.
 *
 * Healthy feeds are polled about twice per gap between their recent entries, so a wire service is read every
 * 15 minutes and a weekly column once a day. Failing feeds back off exponentially, and a server's Retry-After
 * is honoured when it asks for longer.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const MIN_INTERVAL_MS = 15 * MINUTE;
export const MAX_INTERVAL_MS = DAY;
export const DEFAULT_INTERVAL_MS = HOUR;
const FIRST_RETRY_MS = 15 * MINUTE;
const MAX_BACKOFF_MS = DAY;
const MAX_RETRY_AFTER_MS = 7 * DAY;
/** How many of the newest entries inform the publishing rate. */
const RATE_SAMPLE = 20;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Interval learnt from entry dates (epoch ms, any order); the default when there are too few to tell. */
export function adaptiveInterval(entryTimes: readonly number[]): number {
  const newest = [...entryTimes].sort((a, b) => b - a).slice(0, RATE_SAMPLE);
  if (newest.length < 2) return DEFAULT_INTERVAL_MS;
  const span = newest[0]! - newest[newest.length - 1]!;
  const meanGap = span / (newest.length - 1);
  return Math.round(clamp(meanGap / 2, MIN_INTERVAL_MS, MAX_INTERVAL_MS));
}

/** Backoff after the n-th consecutive failure (n >= 1): 15 min, 30 min, 1 h ... capped at a day, with ±10% jitter. */
export function backoffDelay(errorCount: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, errorCount - 1), MAX_BACKOFF_MS);
  return Math.round(base * (0.9 + 0.2 * random()));
}

export function nextFetchAfterFailure(input: {
  now: number;
  errorCount: number;
  retryAfterMs?: number | undefined;
  random?: () => number;
}): number {
  const delay = backoffDelay(input.errorCount, input.random);
  const asked = input.retryAfterMs === undefined ? 0 : Math.min(input.retryAfterMs, MAX_RETRY_AFTER_MS);
  return input.now + Math.max(delay, asked);
}
