import type { Interval } from "../time/time-buckets";

/**
 * Pure shaping of /api/coverage answers: shares, trailing means, folding small series into "Other", CSV.
 * Order of use: counts per series -> topSeries -> withShares -> (smooth) -> JSON or toCsv.
 */

/** What a coverage series is split by: the `by` of /api/coverage. */
export const COVERAGE_BY = ["topic", "feed", "lang", "country", "region"] as const;
export type CoverageBy = (typeof COVERAGE_BY)[number];

/** What `shares` divide by: every article of the bucket, or every article of the series' group in it. */
export const SHARE_OF = ["all", "group"] as const;
export type ShareOf = (typeof SHARE_OF)[number];

export interface CountSeries {
  key: string;
  label: string;
  counts: number[];
  /** share=group: every article of this group (outlet, language, country, region) per bucket. */
  groupTotals?: number[];
}

export interface CoverageSeries extends CountSeries {
  shares: number[];
  /** Present when smooth=N: trailing means of counts, and smoothed counts over smoothed totals. */
  smoothedCounts?: number[];
  smoothedShares?: number[];
}

export interface CoverageResponse {
  interval: Interval;
  tz: string;
  from: string;
  to: string;
  by: CoverageBy;
  share: ShareOf;
  buckets: string[];
  totals: number[];
  /** Present when smooth=N. */
  smooth?: number;
  smoothedTotals?: number[];
  series: CoverageSeries[];
  /** Present when compare=previous: the same series over the period just before. */
  previous?: PreviousPeriod;
}

/** The period before, bucket for bucket: `counts[i]` there stands beside `counts[i]` of the current series. */
export interface PreviousPeriod {
  from: string;
  to: string;
  buckets: string[];
  totals: number[];
  series: Array<Pick<CoverageSeries, "key" | "counts" | "shares" | "groupTotals">>;
}

export const OTHER_KEY = "other";
export const OTHER_LABEL = "Other";

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** counts[i] / totals[i], 0 where the total is 0, rounded to 6 decimals. */
export function shares(counts: readonly number[], totals: readonly number[]): number[] {
  return counts.map((count, i) => {
    const total = totals[i] ?? 0;
    return total === 0 ? 0 : round6(count / total);
  });
}

/** The mean of each value and the n-1 before it; the first n-1 buckets average what exists so far. */
export function trailingMean(values: readonly number[], n: number): number[] {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`trailing mean needs a whole number >= 1, got ${n}`);
  const out: number[] = [];
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i]!;
    if (i >= n) sum -= values[i - n]!;
    out.push(round6(sum / Math.min(i + 1, n)));
  }
  return out;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The `top` series with the highest sums, largest first (ties by label, then key, so the same counts give the same
 * answer whatever the buckets or the order the rollups were read in), and the rest summed into one
 * "Other" series. When only one series would be folded it is kept under its own name: the chart has as many
 * lines either way, and a named line says more than "Other".
 */
export function topSeries<T extends CountSeries>(series: readonly T[], top: number): (T | CountSeries)[] {
  if (!Number.isInteger(top) || top < 0) throw new RangeError(`top must be a whole number >= 0, got ${top}`);
  const ranked = series
    .map((s, index) => ({ s, index, sum: s.counts.reduce((a, b) => a + b, 0) }))
    .sort(
      (a, b) =>
        b.sum - a.sum || byText(a.s.label, b.s.label) || byText(a.s.key, b.s.key) || a.index - b.index,
    )
    .map((r) => r.s);
  if (ranked.length <= top + 1) return ranked;
  const kept = ranked.slice(0, top);
  const rest = ranked.slice(top);
  const other: CountSeries = {
    key: uniqueKey(OTHER_KEY, kept),
    label: OTHER_LABEL,
    counts: sumOf(rest, "counts"),
  };
  if (rest.some((s) => s.groupTotals)) other.groupTotals = sumOf(rest, "groupTotals");
  return [...kept, other];
}

/** Bucket-wise sums of one array of several series. */
function sumOf(series: readonly CountSeries[], field: "counts" | "groupTotals"): number[] {
  const length = Math.max(...series.map((s) => s[field]?.length ?? 0));
  return Array.from({ length }, (_, i) => series.reduce((sum, s) => sum + (s[field]?.[i] ?? 0), 0));
}

/**
 * The series of another period folded the way `shown` folded its own: the same keys in the same order, "Other"
 * summing every group `shown` does not name. (`shown` should know every group of both periods, see
 * withGroupsOf: a group it neither names nor folds is left out.)
 */
export function foldLike(
  shown: readonly CountSeries[],
  series: readonly CountSeries[],
  length: number,
): CountSeries[] {
  const named = new Set(shown.map((s) => s.key));
  const rest = series.filter((s) => !named.has(s.key));
  const byKey = new Map(series.map((s) => [s.key, s]));
  const empty = (s: CountSeries): CountSeries => ({
    ...s,
    counts: new Array<number>(length).fill(0),
    ...(s.groupTotals ? { groupTotals: new Array<number>(length).fill(0) } : {}),
  });
  return shown.map((s) => {
    if (s.label === OTHER_LABEL && s.key.startsWith(OTHER_KEY) && !byKey.has(s.key)) {
      if (rest.length === 0) return empty(s);
      const other: CountSeries = { key: s.key, label: s.label, counts: sumOf(rest, "counts") };
      if (s.groupTotals) other.groupTotals = sumOf(rest, "groupTotals");
      return other;
    }
    return byKey.get(s.key) ?? empty(s);
  });
}

function uniqueKey(base: string, taken: readonly CountSeries[]): string {
  let key = base;
  while (taken.some((s) => s.key === key)) key = `${key}_`;
  return key;
}

/** Each series' shares of `totals`, or with share=group of its own `groupTotals` (which it then keeps). */
export function withShares(
  series: readonly CountSeries[],
  totals: readonly number[],
  share: ShareOf = "all",
): CoverageSeries[] {
  return series.map((s) => {
    if (share === "group") {
      const groupTotals = s.groupTotals ?? new Array<number>(s.counts.length).fill(0);
      return {
        key: s.key,
        label: s.label,
        counts: s.counts,
        groupTotals,
        shares: shares(s.counts, groupTotals),
      };
    }
    return { key: s.key, label: s.label, counts: s.counts, shares: shares(s.counts, totals) };
  });
}

/**
 * Adds N-bucket trailing means. Smoothed shares are smoothed counts over smoothed totals (a weighted mean), so a
 * quiet bucket with one article out of one does not weigh like a busy one.
 */
export function smooth(response: CoverageResponse, n: number): CoverageResponse {
  const smoothedTotals = trailingMean(response.totals, n);
  const series = response.series.map((s) => {
    const smoothedCounts = trailingMean(s.counts, n);
    const denominator = s.groupTotals ? trailingMean(s.groupTotals, n) : smoothedTotals;
    return { ...s, smoothedCounts, smoothedShares: shares(smoothedCounts, denominator) };
  });
  return { ...response, smooth: n, smoothedTotals, series };
}

/**
 * RFC 4180 CSV, one row per bucket, CRLF line ends: `bucket,total[,total_smoothed]`, then per series
 * `<key>[,<key>_group_total],<key>_share[,<key>_smoothed,<key>_share_smoothed]` (group totals with share=group),
 * then with compare=previous `previous_bucket,previous_total` and per series `<key>_previous[,
 * <key>_previous_group_total],<key>_previous_share`. Text cells that a spreadsheet would run as a formula get a
 * leading quote.
 */
export function toCsv(response: CoverageResponse): string {
  const smoothed = response.smoothedTotals !== undefined;
  const grouped = response.share === "group";
  const previous = response.previous;
  const header = ["bucket", "total", ...(smoothed ? ["total_smoothed"] : [])];
  for (const s of response.series) {
    header.push(s.key, ...(grouped ? [`${s.key}_group_total`] : []), `${s.key}_share`);
    if (smoothed) header.push(`${s.key}_smoothed`, `${s.key}_share_smoothed`);
  }
  if (previous) {
    header.push("previous_bucket", "previous_total");
    for (const s of previous.series) {
      const key = `${s.key}_previous`;
      header.push(key, ...(grouped ? [`${key}_group_total`] : []), `${key}_share`);
    }
  }
  const rows = [header.map(textCell).join(",")];
  response.buckets.forEach((bucket, i) => {
    const row = [textCell(bucket), numberCell(response.totals[i])];
    if (smoothed) row.push(numberCell(response.smoothedTotals?.[i]));
    for (const s of response.series) {
      row.push(numberCell(s.counts[i]));
      if (grouped) row.push(numberCell(s.groupTotals?.[i]));
      row.push(numberCell(s.shares[i]));
      if (smoothed) row.push(numberCell(s.smoothedCounts?.[i]), numberCell(s.smoothedShares?.[i]));
    }
    if (previous) {
      row.push(textCell(previous.buckets[i] ?? ""), numberCell(previous.totals[i]));
      for (const s of previous.series) {
        row.push(numberCell(s.counts[i]));
        if (grouped) row.push(numberCell(s.groupTotals?.[i]));
        row.push(numberCell(s.shares[i]));
      }
    }
    rows.push(row.join(","));
  });
  return `${rows.join("\r\n")}\r\n`;
}

function numberCell(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? "" : String(value);
}

// OWASP's CSV-injection list: = + - @ start formulas, and tab or CR can smuggle one past a naive check.
const FORMULA_START = /^[=+\-@\t\r]/;

function textCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
