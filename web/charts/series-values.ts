import type { Coverage } from "../api";
import type { Metric } from "../state/url-state";

/** The values a series is drawn with: smoothed when the response carries them, counts or shares. */
export function seriesValues(series: Coverage["series"][number], metric: Metric): number[] {
  if (metric === "share") return series.smoothedShares ?? series.shares;
  return series.smoothedCounts ?? series.counts;
}
