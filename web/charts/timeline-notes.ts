import type { StoryEvent } from "../api";
import { externalLink, h } from "../element";
import { formatInstant } from "../format";
import { type EventMarker, type Stretch, stretchAt } from "./markers";

/**
 * What the chart marks, in words: for the tooltip, the data table's note column and the list under the chart,
 * so an outage or an event never lives only in canvas pixels.
 */

/** One outage stretch as a sentence: when, how many passes failed, why, and what it means for the counts. */
export function outageText(stretch: Stretch, tz: string, locale: string): string {
  const at = (ms: number) => formatInstant(new Date(ms).toISOString(), tz, locale);
  const when = stretch.open
    ? `since ${at(stretch.start)} (still down)`
    : `from ${at(stretch.start)} to ${at(stretch.end)}`;
  const passes = stretch.passes === 1 ? "1 failed pass" : `${stretch.passes} failed passes`;
  return `Ingestion down ${when}, ${passes}: ${stretch.reasons.join("; ")}. Counts here are incomplete, not a drop in coverage.`;
}

/**
 * The note of one bucket: its events and, when an outage touched it, that outage (in full at the stretch's
 * first bucket, briefly after it). Null when it has none.
 */
export function bucketNote(
  index: number,
  events: readonly EventMarker[],
  outages: readonly Stretch[],
  tz: string,
  locale: string,
): string | null {
  const parts = events.filter((e) => e.index === index).map((e) => `◆ ${e.label}`);
  const outage = stretchAt(outages, index);
  if (outage)
    parts.push(
      index === outage.first ? `⚠ ${outageText(outage, tz, locale)}` : "⚠ Ingestion down: count incomplete.",
    );
  return parts.length > 0 ? parts.join(" ") : null;
}

/** The list under the chart: each event in the range (linked when it has a URL) and each outage. */
export function timelineList(
  events: readonly StoryEvent[],
  outages: readonly Stretch[],
  tz: string,
  locale: string,
): HTMLElement[] {
  return [
    ...events.map((e) =>
      h(
        "li",
        { class: "event", "data-at": e.at },
        `◆ ${formatInstant(e.at, tz, locale)}: `,
        externalLink(e.url, e.label),
      ),
    ),
    ...outages.map((o) => h("li", { class: "outage" }, `⚠ ${outageText(o, tz, locale)}`)),
  ];
}
