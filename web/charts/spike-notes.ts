import type { Coverage, Spike } from "../api";
import { h } from "../element";
import { bucketLabel, formatCount } from "../format";

/**
 * The server's spikes (each series' `spikes` of /api/coverage: the rule the spike alerts use) in words, for the
 * chart's tooltip and the list under it, so a mark says why it is there.
 */

/** "41 articles against a baseline of 6.2 (sd 2.1); threshold 19". */
export function spikeNumbers(spike: Spike, locale: string): string {
  const decimal = (n: number) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
  return `${formatCount(spike.count, locale)} articles against a baseline of ${decimal(spike.baseline)} (sd ${decimal(spike.sd)}); threshold ${formatCount(spike.threshold, locale)}`;
}

/** The list under the chart: one item per spike, by series, oldest first. */
export function spikeList(coverage: Coverage, locale: string): HTMLElement[] {
  return coverage.series.flatMap((series) =>
    series.spikes.map((spike) =>
      h(
        "li",
        { class: "spike", "data-series": series.key, "data-bucket": spike.bucket },
        `▲ ${series.label}, ${bucketLabel(spike.bucket, coverage.interval, locale, "long")}: ${spikeNumbers(spike, locale)}`,
      ),
    ),
  );
}
