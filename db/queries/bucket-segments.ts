/**
 * Splits coverage buckets into pieces the rollups can answer cheaply. A bucket [lo, hi) of a day or more is
 * the whole UTC days between the UTC midnights nearest to its edges, corrected by the few hours between each
 * edge and its midnight (added where the bucket reaches past the midnight, subtracted where it stops short).
 * A Berlin day, [23:00Z, 23:00Z), is one UTC day + the hour before it - its last hour: 3 rollup rows, not 24.
 * Shorter buckets are read from the fine rollup alone. Asked for, the whole UTC months inside a bucket's days are
 * read from the monthly rollups (a year of months: 12 rows a series, not 365). Pure; units are epoch ms in,
 * rollup units out.
 */

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const QUARTER_MS = 900_000;

/** A signed range of one bucket, [lo, hi) in the rollup's unit (days, hours or quarter hours). */
export type Segment = [bucket: number, sign: 1 | -1, lo: number, hi: number];

export interface BucketSegments {
  /** Whole UTC months, in epoch days of their first days (only when asked for: the detail rollups have them). */
  months: Segment[];
  days: Segment[];
  fine: Segment[];
  /** The unit of `fine`: hours when every edge is on a UTC hour, else quarter hours. */
  fineUnitMs: number;
}

export function bucketSegments(edges: readonly number[], options: { months?: boolean } = {}): BucketSegments {
  const fineUnitMs = edges.every((e) => e % HOUR_MS === 0) ? HOUR_MS : QUARTER_MS;
  const months: Segment[] = [];
  const days: Segment[] = [];
  const fine: Segment[] = [];
  const addFine = (i: number, sign: 1 | -1, lo: number, hi: number) => {
    if (lo < hi) fine.push([i, sign, lo / fineUnitMs, hi / fineUnitMs]);
  };
  for (let i = 0; i + 1 < edges.length; i++) {
    const lo = edges[i]!;
    const hi = edges[i + 1]!;
    const midLo = Math.round(lo / DAY_MS) * DAY_MS;
    const midHi = Math.round(hi / DAY_MS) * DAY_MS;
    if (hi - lo < DAY_MS || midLo >= midHi) {
      addFine(i, 1, lo, hi);
      continue;
    }
    if (options.months) addDays(months, days, i, midLo, midHi);
    else days.push([i, 1, midLo / DAY_MS, midHi / DAY_MS]);
    if (lo < midLo) addFine(i, 1, lo, midLo);
    else addFine(i, -1, midLo, lo);
    if (hi > midHi) addFine(i, 1, midHi, hi);
    else addFine(i, -1, hi, midHi);
  }
  return { months, days, fine, fineUnitMs };
}

/**
 * The whole UTC days [lo, hi) as months and days: each month it covers whole is one month row; a part of a month
 * is its days, or, when it is more than half the month, the month less the days it leaves out (fewer rows).
 */
function addDays(months: Segment[], days: Segment[], i: number, lo: number, hi: number): void {
  const d = (ms: number) => ms / DAY_MS;
  for (let start = monthStart(lo); start < hi; start = nextMonth(start)) {
    const end = nextMonth(start);
    const from = Math.max(lo, start);
    const to = Math.min(hi, end);
    if (from === start && to === end) {
      months.push([i, 1, d(start), d(end)]);
    } else if (to - from > (end - start) / 2) {
      months.push([i, 1, d(start), d(end)]);
      if (start < from) days.push([i, -1, d(start), d(from)]);
      if (to < end) days.push([i, -1, d(to), d(end)]);
    } else {
      days.push([i, 1, d(from), d(to)]);
    }
  }
}

function monthStart(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

function nextMonth(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}
