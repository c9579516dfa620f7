import type { Interval } from "../time/time-buckets";

/**
 * Pure shaping of /api/coverage answers: shares, trailing means, folding small series into "Other", CSV.
 * Order of use: counts per series -> topSeries -> withShares -> (smooth) -> JSON or toCsv.
 */

/** What a coverage series is split by: the `by` of /api/coverage. */
export const COVERAGE_BY = ["topic", "feed", "lang", "country", "region"] as const;
export type CoverageBy = (typeof COVERAGE_BY)[number];

export interface CountSeries {
  key: string;
  label: string;
  counts: number[];
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
  buckets: string[];
  totals: number[];
  /** Present when smooth=N. */
  smooth?: number;
  smoothedTotals?: number[];
  series: CoverageSeries[];
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

/**
 * The `top` series with the highest sums, largest first (ties keep input order), and the rest summed into one
 * "Other" series. When only one series would be folded it is kept under its own name: the chart has as many
 * lines either way, and a named line says more than "Other".
 */
export function topSeries<T extends CountSeries>(series: readonly T[], top: number): (T | CountSeries)[] {
  if (!Number.isInteger(top) || top < 0) throw new RangeError(`top must be a whole number >= 0, got ${top}`);
  const ranked = series
    .map((s, index) => ({ s, index, sum: s.counts.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.sum - a.sum || a.index - b.index)
    .map((r) => r.s);
  if (ranked.length <= top + 1) return ranked;
  const kept = ranked.slice(0, top);
  const rest = ranked.slice(top);
  const length = Math.max(...rest.map((s) => s.counts.length));
  const counts = Array.from({ length }, (_, i) => rest.reduce((sum, s) => sum + (s.counts[i] ?? 0), 0));
  return [...kept, { key: uniqueKey(OTHER_KEY, kept), label: OTHER_LABEL, counts }];
}

function uniqueKey(base: string, taken: readonly CountSeries[]): string {
  let key = base;
  while (taken.some((s) => s.key === key)) key = `${key}_`;
  return key;
}

export function withShares(series: readonly CountSeries[], totals: readonly number[]): CoverageSeries[] {
  return series.map((s) => ({
    key: s.key,
    label: s.label,
    counts: s.counts,
    shares: shares(s.counts, totals),
  }));
}

/**
 * Adds N-bucket trailing means. Smoothed shares are smoothed counts over smoothed totals (a weighted mean), so a
 * quiet bucket with one article out of one does not weigh like a busy one.
 */
export function smooth(response: CoverageResponse, n: number): CoverageResponse {
  const smoothedTotals = trailingMean(response.totals, n);
  const series = response.series.map((s) => {
    const smoothedCounts = trailingMean(s.counts, n);
    return { ...s, smoothedCounts, smoothedShares: shares(smoothedCounts, smoothedTotals) };
  });
  return { ...response, smooth: n, smoothedTotals, series };
}

/**
 * RFC 4180 CSV: `bucket,total[,total_smoothed],<key>,<key>_share[,<key>_smoothed,<key>_share_smoothed]...`, one
 * row per bucket, CRLF line ends. Text cells that a spreadsheet would run as a formula get a leading quote.
 */
export function toCsv(response: CoverageResponse): string {
  const smoothed = response.smoothedTotals !== undefined;
  const header = ["bucket", "total", ...(smoothed ? ["total_smoothed"] : [])];
  for (const s of response.series) {
    header.push(s.key, `${s.key}_share`);
    if (smoothed) header.push(`${s.key}_smoothed`, `${s.key}_share_smoothed`);
  }
  const rows = [header.map(textCell).join(",")];
  response.buckets.forEach((bucket, i) => {
    const row = [textCell(bucket), numberCell(response.totals[i])];
    if (smoothed) row.push(numberCell(response.smoothedTotals?.[i]));
    for (const s of response.series) {
      row.push(numberCell(s.counts[i]), numberCell(s.shares[i]));
      if (smoothed) row.push(numberCell(s.smoothedCounts?.[i]), numberCell(s.smoothedShares?.[i]));
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
