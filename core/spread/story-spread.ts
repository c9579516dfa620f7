import { BucketError, bucketIndex, planBuckets } from "../time/time-buckets";
import { isTimeZone, localParts } from "../time/time-zone";
import { type SpreadCell, type TopicSpread, topicSpread } from "./topic-spread";

/**
 * A story's spread: the topic spread's rule (core/spread/topic-spread.ts) over the story's own copies, so "first
 * in GB, US +40 min, Global South +19 h" means the same for a story as for a topic. The days of the N-outlet rule
 * run from the day of its first copy to the day of its last, in the request's zone.
 */

export interface StoryCopy {
  id: number;
  feedId: number;
  lang: string | null;
  country: string | null;
  publishedAt: number;
}

export interface StorySpread extends TopicSpread {
  /** The first and last day (YYYY-MM-DD in the zone) of the story; null for a story with no copy. */
  from: string | null;
  to: string | null;
}

/** `copies` in the order they appeared (time, then id), as the story lists them. */
export function storySpread(copies: readonly StoryCopy[], tz: string, minOutlets: number): StorySpread {
  if (!isTimeZone(tz))
    throw new BucketError("tz", `tz must be an IANA time zone such as Europe/Berlin, got '${tz}'`);
  const first = copies[0];
  const last = copies[copies.length - 1];
  if (!first || !last) return { ...topicSpread([], [], minOutlets), from: null, to: null };
  const from = localDate(first.publishedAt, tz);
  const to = localDate(last.publishedAt, tz);
  const days = planBuckets({ from, to, interval: "day", tz });
  // One cell per copy: a story is small, and a copy is its outlet's cell of its day in its language.
  const cells: SpreadCell[] = copies.map((c) => ({
    day: bucketIndex(days.edges, c.publishedAt),
    feedId: c.feedId,
    lang: c.lang,
    country: c.country,
    firstId: c.id,
    firstAt: c.publishedAt,
    articles: 1,
  }));
  return { ...topicSpread(cells, days.labels, minOutlets), from, to };
}

function localDate(ms: number, tz: string): string {
  const { year, month, day } = localParts(ms, tz);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
