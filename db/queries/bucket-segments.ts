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
    const [monthLo, monthHi] = options.months ? wholeMonths(midLo, midHi) : [midHi, midHi];
    if (monthLo < monthHi) {
      months.push([i, 1, monthLo / DAY_MS, monthHi / DAY_MS]);
      if (midLo < monthLo) days.push([i, 1, midLo / DAY_MS, monthLo / DAY_MS]);
      if (monthHi < midHi) days.push([i, 1, monthHi / DAY_MS, midHi / DAY_MS]);
    } else {
      days.push([i, 1, midLo / DAY_MS, midHi / DAY_MS]);
    }
    if (lo < midLo) addFine(i, 1, lo, midLo);
    else addFine(i, -1, midLo, lo);
    if (hi > midHi) addFine(i, 1, midHi, hi);
    else addFine(i, -1, hi, midHi);
  }
  return { months, days, fine, fineUnitMs };
}

/** The first UTC month start at or after `lo` and the last at or before `hi` (epoch ms of UTC midnights). */
function wholeMonths(lo: number, hi: number): [number, number] {
  const a = new Date(lo);
  const first = a.getUTCDate() === 1 ? lo : Date.UTC(a.getUTCFullYear(), a.getUTCMonth() + 1, 1);
  const b = new Date(hi);
  const last = Date.UTC(b.getUTCFullYear(), b.getUTCMonth(), 1);
  return [first, last];
}
