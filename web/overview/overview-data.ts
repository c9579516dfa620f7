import type { Coverage } from "../api";
import { periodChanges } from "../charts/period-change";
import { bucketTitle } from "../charts/tooltip-text";

/**
 * One card per topic of the view, from the answer the main chart already has (`compare=previous` included):
 * the period's articles, the change against the period before, the counts for a sparkline and the latest
 * spike. Pure; the DOM is built in overview-cards.ts.
 */
export interface OverviewCard {
  key: string;
  label: string;
  color: string | undefined;
  count: number;
  /** (count - previous) / previous; null when there is no previous period or it had none. */
  change: number | null;
  /** "+42% vs previous 30 days", or "" without a previous period. */
  changeText: string;
  counts: number[];
  /** "Mon 27 Jan 2025: 41 articles", or null when the rule marked no bucket in range. */
  latestSpike: string | null;
}

export function overviewCards(coverage: Coverage, locale: string): OverviewCard[] {
  const changes = new Map(periodChanges(coverage, locale).map((c) => [c.key, c]));
  return coverage.series.map((s) => {
    const change = changes.get(s.key);
    const spike = s.spikes[s.spikes.length - 1];
    return {
      key: s.key,
      label: s.label,
      color: s.color,
      count: s.counts.reduce((a, b) => a + b, 0),
      change: change?.change ?? null,
      changeText: change?.text ?? "",
      counts: s.counts,
      latestSpike: spike
        ? `${bucketTitle(spike.bucket, coverage.interval, locale)}: ${spike.count.toLocaleString(locale)} articles`
        : null,
    };
  });
}

/**
 * An SVG path through the counts, scaled to a width × height box (y down, the peak at the top, zero at the
 * bottom), straight segments: a sparkline shows the shape, not a smoothed guess. "" for no data.
 */
export function sparklinePath(counts: readonly number[], width: number, height: number, pad = 1): string {
  if (counts.length === 0) return "";
  const peak = counts.reduce((m, n) => Math.max(m, n), 1);
  const step = counts.length > 1 ? (width - 2 * pad) / (counts.length - 1) : 0;
  const fix = (n: number) => Math.round(n * 10) / 10;
  return counts
    .map((n, i) => {
      const x = counts.length > 1 ? pad + i * step : width / 2;
      const y = height - pad - (Math.max(0, n) / peak) * (height - 2 * pad);
      return `${i === 0 ? "M" : "L"}${fix(x)},${fix(y)}`;
    })
    .join("");
}
