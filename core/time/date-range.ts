import { DomainError } from "../errors";
import { parseIsoInstant } from "./iso-instant";
import { localParts } from "./time-zone";

/**
 * The one from/to rule of the API: both bounds are inclusive, and a date (YYYY-MM-DD) means that whole day.
 * /api/coverage counts calendar days in its `tz` (calendarRange, then the bucket plan); /api/articles and the
 * timeline take UTC dates or instants (instantRange), answered as a half-open range [from, toExclusive).
 * Every bound is strict ISO 8601 (iso-instant.ts): `2025-02-30` is a 400, never 2 March.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export interface RangeQuery {
  from?: string;
  to?: string;
}

/** Whether `value` is a bound: a calendar date or an ISO 8601 time with offset. */
export function isTimeBound(value: string): boolean {
  return parseIsoInstant(value) !== null;
}

export interface InstantRangeOptions<F, T> {
  /** What a missing bound is (open by default); the order of from and to is checked with these in place. */
  from?: F;
  toExclusive?: T;
}

/**
 * Instants from an inclusive from/to, as [from, toExclusive) in epoch ms. A bad bound, or from after to, is a
 * 400 naming the parameter.
 */
export function instantRange<
  F extends number | undefined = undefined,
  T extends number | undefined = undefined,
>(query: RangeQuery, options: InstantRangeOptions<F, T> = {}): { from: number | F; toExclusive: number | T } {
  const bound = (param: "from" | "to", value: string | undefined) => {
    if (value === undefined) return undefined;
    const start = parseIsoInstant(value);
    if (start === null) {
      throw new DomainError(
        "invalid_request",
        `not a calendar date (YYYY-MM-DD) or ISO 8601 time with offset: ${JSON.stringify(value.slice(0, 40))}`,
        { param },
      );
    }
    return param === "from" ? start : start + (DATE.test(value) ? DAY_MS : 1);
  };
  const from = bound("from", query.from) ?? (options.from as F);
  const toExclusive = bound("to", query.to) ?? (options.toExclusive as T);
  if (from !== undefined && toExclusive !== undefined && from >= toExclusive) {
    throw new DomainError("invalid_request", "must not be after to", { param: "from" });
  }
  return { from, toExclusive };
}

/**
 * The calendar days of a from/to in a zone, with the defaults of /api/coverage: `to` is today in `tz`, `from`
 * the `days` days up to `to`. The dates are checked by the bucket plan (planBuckets), which names a bad one.
 */
export function calendarRange(
  query: RangeQuery,
  tz: string,
  { now, days }: { now: number; days: number },
): { from: string; to: string } {
  const to = query.to ?? localDate(now, tz);
  const from = query.from ?? (DATE.test(to) ? shiftDays(to, 1 - days) : to);
  return { from, to };
}

/** Today's date in `tz`; in UTC when the zone is not one (the bucket plan then reports the zone). */
function localDate(instant: number, tz: string): string {
  try {
    const p = localParts(instant, tz);
    return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
  } catch {
    return new Date(instant).toISOString().slice(0, 10);
  }
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
