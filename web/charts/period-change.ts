import type { Coverage } from "../api";
import { formatCount } from "../format";

/**
 * Each series' articles against the period just before (`compare=previous`), in words for the legend and the
 * line under the chart: "+42% vs previous 30 days". Pure; the locale comes in.
 */

export interface PeriodChange {
  key: string;
  label: string;
  count: number;
  previous: number;
  /** (count - previous) / previous; null when the previous period had none. */
  change: number | null;
  /** "+42% vs previous 30 days", "new: none in the previous 30 days", "as many as the previous 30 days". */
  text: string;
}

const UNIT: Record<Coverage["interval"], [one: string, many: string]> = {
  hour: ["hour", "hours"],
  day: ["day", "days"],
  week: ["week", "weeks"],
  month: ["month", "months"],
};

/** "previous 30 days", "previous week": the period compare=previous set beside this answer. */
export function previousPeriodName(coverage: Coverage): string {
  const n = coverage.buckets.length;
  const [one, many] = UNIT[coverage.interval];
  return n === 1 ? `previous ${one}` : `previous ${n} ${many}`;
}

/** One entry per series that the answer has a previous period for; none without `previous`. */
export function periodChanges(coverage: Coverage, locale: string): PeriodChange[] {
  const previous = coverage.previous;
  if (!previous) return [];
  const before = new Map(previous.series.map((s) => [s.key, sum(s.counts)]));
  const period = previousPeriodName(coverage);
  return coverage.series.map((s) => {
    const count = sum(s.counts);
    const earlier = before.get(s.key) ?? 0;
    const change = earlier === 0 ? null : (count - earlier) / earlier;
    return {
      key: s.key,
      label: s.label,
      count,
      previous: earlier,
      change,
      text: changeText(change, count, period, locale),
    };
  });
}

function changeText(change: number | null, count: number, period: string, locale: string): string {
  if (change === null) return count === 0 ? `none in this or the ${period}` : `new: none in the ${period}`;
  if (change === 0) return `as many as the ${period}`;
  const percent = new Intl.NumberFormat(locale, {
    style: "percent",
    maximumFractionDigits: Math.abs(change) < 0.1 ? 1 : 0,
    signDisplay: "exceptZero",
  }).format(change);
  return `${percent} vs ${period}`;
}

/** "DeepSeek R1 release: 120 articles, +42% vs previous 30 days (85)". */
export function changeLine(change: PeriodChange, locale: string): string {
  const counts = `${formatCount(change.count, locale)} article${change.count === 1 ? "" : "s"}`;
  const before = change.change === null ? "" : ` (${formatCount(change.previous, locale)})`;
  return `${change.label}: ${counts}, ${change.text}${before}`;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
