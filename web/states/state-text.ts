import { bucketLabel } from "../format";
import type { Extent } from "./data-extent";

/** The words of the chart's states, pure so tests pin them. */

/** "coverage exists from 1 Jan 2025 to 31 Mar 2025." */
export function extentText(extent: Extent, locale: string): string {
  const day = (d: string) => bucketLabel(d, "day", locale, "short", true);
  return extent.from === extent.to
    ? `Coverage exists on ${day(extent.from)}.`
    : `Coverage exists from ${day(extent.from)} to ${day(extent.to)}.`;
}

/** "No articles in this range for these topics." (or "…with these filters") */
export function emptyText(filtered: boolean): string {
  return `No articles in this range for the selected topics${filtered ? " and filters" : ""}.`;
}

/**
 * "Partial data: ingestion was down in 2 of 17 days of this range (shaded, lines dashed); their counts are
 * incomplete." Null without outages.
 */
export function partialText(
  stretches: ReadonlyArray<{ first: number; last: number }>,
  buckets: number,
  interval: "hour" | "day" | "week" | "month",
): string | null {
  if (stretches.length === 0) return null;
  const touched = stretches.reduce((n, s) => n + (s.last - s.first + 1), 0);
  const unit = touched === 1 && buckets === 1 ? interval : `${interval}s`;
  return `Partial data: ingestion was down in ${touched} of ${buckets} ${unit} of this range (shaded, lines dashed); their counts are incomplete.`;
}
