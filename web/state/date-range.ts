import type { RangePreset } from "./url-state";

/** Dates here are calendar days in the dashboard's zone, as YYYY-MM-DD strings, like the API's from/to. */

const DAY_MS = 86_400_000;
const PRESET_DAYS: Partial<Record<RangePreset, number>> = { "7d": 7, "30d": 30, "90d": 90, "1y": 365 };

/** Today's date in a zone; an unknown zone reads as UTC rather than failing the page. */
export function todayIn(tz: string, now: number): string {
  try {
    // en-CA formats dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat("en-CA", {
      timeZone: tz,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(now);
  } catch {
    return new Date(now).toISOString().slice(0, 10);
  }
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The from/to of a preset: the last N days up to and including today. "all" and "custom" are not fixed spans:
 * they answer null, and the caller uses the data's extent or the chosen dates.
 */
export function presetRange(preset: RangePreset, today: string): { from: string; to: string } | null {
  const days = PRESET_DAYS[preset];
  return days === undefined ? null : { from: addDays(today, -(days - 1)), to: today };
}

/**
 * The span that holds data, from a coarse probe (one count per month, labels "YYYY-MM"): the first day of the
 * first month with an article to the last day of the last such month, never past today. Null when empty.
 */
export function extentOfMonths(
  months: readonly string[],
  totals: readonly number[],
  today: string,
): { from: string; to: string } | null {
  const first = totals.findIndex((n) => n > 0);
  if (first < 0) return null;
  const last = totals.length - 1 - [...totals].reverse().findIndex((n) => n > 0);
  const from = `${months[first]}-01`;
  const [y, m] = (months[last] ?? "").split("-").map(Number);
  const lastDay = new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
  return { from, to: lastDay < today ? lastDay : today };
}

/**
 * The same span as extentOfMonths, from the first and last article's times instead of monthly counts: the first
 * day of the first one's month in the zone to the last day of the last one's month, never past today. Null
 * when the data starts after today.
 */
export function extentOfInstants(
  span: { first: number; last: number },
  tz: string,
  today: string,
): { from: string; to: string } | null {
  const from = `${todayIn(tz, span.first).slice(0, 7)}-01`;
  if (from > today) return null;
  const last = extentOfMonths([todayIn(tz, span.last).slice(0, 7)], [1], today);
  return last && { from, to: last.to };
}
