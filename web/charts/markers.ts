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
