import type { Feed } from "../api";
import type { StoryEvent } from "../story-events";

/** What the coverage chart marks besides its lines, worked out from data by pure functions. */

export interface EventMarker {
  index: number;
  label: string;
}

export interface Stretch {
  /** First and last bucket index covered, inclusive. */
  first: number;
  last: number;
  label: string;
}

/** The first calendar day a bucket label covers: "2025-01" -> "2025-01-01", an hour -> its date. */
function startDay(bucket: string): string {
  return bucket.length === 7 ? `${bucket}-01` : bucket.slice(0, 10);
}

/**
 * The bucket each event falls in (for hours, the day's first hour). Events before the first bucket or after
 * `to` (the last day of the range) are left out.
 */
export function eventMarkers(
  events: readonly StoryEvent[],
  buckets: readonly string[],
  to: string,
): EventMarker[] {
  const markers: EventMarker[] = [];
  if (buckets.length === 0) return markers;
  for (const event of events) {
    if (event.date < startDay(buckets[0]!) || event.date > to) continue;
    let index = -1;
    for (let i = 0; i < buckets.length && startDay(buckets[i]!) <= event.date; i++) {
      if (index < 0 || startDay(buckets[i]!) !== startDay(buckets[index]!)) index = i;
    }
    if (index >= 0) markers.push({ index, label: event.label });
  }
  return markers;
}

export interface SpikeRule {
  /** Buckets before the current one that make its baseline. */
  window: number;
  /** A spike is at least this many times the baseline... */
  factor: number;
  /** ...and at least this many articles, so 1 -> 3 on a quiet topic is not a spike. */
  min: number;
}

/**
 * The spike rule, kept simple on purpose: a bucket is a spike when its count is at least `min` and at least
 * `factor` times the mean of the `window` buckets before it. The first three buckets have too little history to
 * judge and are never spikes. A run of consecutive spike buckets is marked once, at its highest count. (The alerts
 * issue's spike mode may replace this with the server's rule.)
 */
export const DEFAULT_SPIKE_RULE: SpikeRule = { window: 7, factor: 3, min: 5 };

export function spikeIndices(counts: readonly number[], rule: SpikeRule = DEFAULT_SPIKE_RULE): number[] {
  const spikes: number[] = [];
  let runEnd = -1;
  for (let i = 3; i < counts.length; i++) {
    const count = counts[i]!;
    if (count < rule.min) continue;
    const start = Math.max(0, i - rule.window);
    let sum = 0;
    for (let j = start; j < i; j++) sum += counts[j]!;
    const baseline = sum / (i - start);
    if (count < rule.factor * baseline) continue;
    const marked = spikes[spikes.length - 1];
    if (marked !== undefined && runEnd === i - 1) {
      if (count > counts[marked]!) spikes[spikes.length - 1] = i;
    } else {
      spikes.push(i);
    }
    runEnd = i;
  }
  return spikes;
}

/**
 * Stretches where ingestion is failing, from what the feeds table knows today: each enabled, fetched feed that
 * is failing has a `failingSince`. Past outages that have recovered are not recorded there (that needs job
 * runs exposed by the API), so this shades from the earliest current failure to the end of the range.
 * `edges` are the buckets' UTC boundaries (labels + 1).
 */
export function outageStretches(feeds: readonly Feed[], edges: readonly number[]): Stretch[] {
  const failing = feeds.filter((f) => f.enabled && !f.sample && f.failingSince !== null);
  if (failing.length === 0 || edges.length < 2) return [];
  const since = Math.min(...failing.map((f) => Date.parse(f.failingSince!)));
  const lastEdge = edges[edges.length - 1]!;
  if (!(since < lastEdge)) return [];
  let first = 0;
  while (first < edges.length - 2 && edges[first + 1]! <= since) first++;
  const watched = feeds.filter((f) => f.enabled && !f.sample).length;
  return [
    {
      first,
      last: edges.length - 2,
      label: `${failing.length} of ${watched} feeds failing`,
    },
  ];
}
