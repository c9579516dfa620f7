import type { Outage, StoryEvent } from "../api";

/** What the coverage chart marks besides its lines, worked out from data by pure functions. */

export interface EventMarker {
  index: number;
  label: string;
}

export interface Stretch {
  /** First and last bucket index covered, inclusive. */
  first: number;
  last: number;
  /** Short, for the canvas. */
  label: string;
  /** Why ingestion failed, one entry per outage merged into this stretch. */
  reasons: string[];
  /** Whole ingest passes that failed in it. */
  passes: number;
  /** The outage's own instants (ms), the union of the merged ones; `end` is "now" while it is open. */
  start: number;
  end: number;
  open: boolean;
}

/** The bucket holding an instant: edges[i] <= at < edges[i + 1]; -1 outside the range. */
export function bucketOf(at: number, edges: readonly number[]): number {
  if (edges.length < 2 || !(at >= edges[0]!) || !(at < edges[edges.length - 1]!)) return -1;
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The bucket each event's instant falls in, on the same bucket edges the server counted with (`edges` are the
 * buckets' UTC boundaries, labels + 1), so an event sits where its day's articles are counted in the chart's
 * zone. Events outside the range are left out.
 */
export function eventMarkers(
  events: readonly Pick<StoryEvent, "at" | "label">[],
  edges: readonly number[],
): EventMarker[] {
  const markers: EventMarker[] = [];
  for (const event of events) {
    const index = bucketOf(Date.parse(event.at), edges);
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
 * The buckets that outages touch, to shade: a bucket any part of which fell in an outage has an incomplete
 * count, so it is shaded whole. An open outage (`end: null`) runs to `now`. Outages whose buckets overlap or
 * touch are merged into one stretch, so an hourly flapping network does not draw a stack of labels.
 */
export function outageStretches(
  outages: readonly Outage[],
  edges: readonly number[],
  now: number,
): Stretch[] {
  const last = edges.length - 2;
  if (last < 0) return [];
  const rangeStart = edges[0]!;
  const rangeEnd = edges[last + 1]!;
  const stretches: Stretch[] = [];
  const sorted = outages
    .map((o) => {
      const start = Date.parse(o.start);
      const end = o.end === null ? now : Date.parse(o.end);
      // A stretch has some length even when one pass opened and closed it at the same millisecond.
      return { ...o, startMs: start, endMs: Math.max(end, start + 1) };
    })
    .filter((o) => Number.isFinite(o.startMs) && o.startMs < rangeEnd && o.endMs > rangeStart)
    .sort((a, b) => a.startMs - b.startMs);
  for (const o of sorted) {
    const first = Math.max(0, bucketOf(Math.max(o.startMs, rangeStart), edges));
    const lastTouched = o.endMs >= rangeEnd ? last : bucketOf(o.endMs - 1, edges);
    const previous = stretches[stretches.length - 1];
    if (previous && first <= previous.last + 1) {
      previous.last = Math.max(previous.last, lastTouched);
      if (!previous.reasons.includes(o.reason)) previous.reasons.push(o.reason);
      previous.passes += o.passes;
      previous.end = Math.max(previous.end, o.endMs);
      previous.open ||= o.end === null;
      previous.label = "⚠ ingestion down (several outages)";
      continue;
    }
    stretches.push({
      first,
      last: lastTouched,
      label: "⚠ ingestion down",
      reasons: [o.reason],
      passes: o.passes,
      start: o.startMs,
      end: o.endMs,
      open: o.end === null,
    });
  }
  return stretches;
}

/** The stretch that shades a bucket, if any. */
export function stretchAt(stretches: readonly Stretch[], index: number): Stretch | undefined {
  return stretches.find((s) => s.first <= index && index <= s.last);
}
