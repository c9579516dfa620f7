import { isoDate } from "./wall-clock";

const DAY = 86_400_000;

/** mulberry32: small, seeded, the same sequence on every run. */
export function seededRandom(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const some = <T>(list: readonly T[]): T[] => {
    const chosen = list.filter(() => next() < 0.4);
    return chosen.length > 0 ? chosen : [pick(list)];
  };
  return { next, int, pick, some };
}

export type SeededRandom = ReturnType<typeof seededRandom>;

/** A question to /api/coverage, as the hand counts ask it. */
export interface CoverageQuestion {
  topics?: string[];
  by: "topic" | "feed" | "lang" | "country" | "region";
  feed?: number[];
  lang?: string[];
  country?: string[];
  region?: Array<"north" | "south">;
  share: "all" | "group";
  compare?: boolean;
  tz: string;
  interval: "hour" | "day" | "week" | "month";
  from: string;
  to: string;
  top?: number;
}

/** What a hand count's store holds and which of the optional parameters it asks about. */
export interface QuestionSpace {
  first: number;
  last: number;
  /** A range starts `min` to `min + count - 1` days after `first`. */
  startDays: { min: number; count: number };
  /** Longest range per interval, in days. */
  spanDays: Record<CoverageQuestion["interval"], number>;
  /** How often a breakdown asks for each group's share. */
  groupShareChance: number;
  zones: readonly string[];
  topics: readonly string[];
  langs: readonly (string | null)[];
  countries: readonly (string | null)[];
  /** Asked only when given: compare=previous this often, a `top` among these, some of these feeds, regions. */
  compareChance?: number;
  top?: readonly number[];
  feeds?: readonly number[];
  regions?: boolean;
}

/**
 * A random question over the space: an interval and a range, a breakdown, a zone, filters. The draws come in
 * a fixed order, and the optional parameters draw only when the space asks for them, so a seed asks the same
 * questions on every run.
 */
export function randomQuestion(rnd: SeededRandom, space: QuestionSpace): CoverageQuestion {
  const interval = rnd.pick(["hour", "day", "day", "week", "month"] as const);
  const start = space.first + (space.startDays.min + rnd.int(space.startDays.count)) * DAY;
  const end = Math.min(start + rnd.int(space.spanDays[interval]) * DAY, space.last);
  const by = rnd.pick(["topic", "feed", "lang", "country", "region"] as const);
  const share = by !== "topic" && rnd.next() < space.groupShareChance ? "group" : "all";
  const compare = space.compareChance === undefined ? undefined : rnd.next() < space.compareChance;
  const q: CoverageQuestion = {
    by,
    share,
    tz: rnd.pick(space.zones),
    interval,
    from: isoDate(start),
    to: isoDate(end),
  };
  if (compare !== undefined) q.compare = compare;
  if (space.top) q.top = rnd.pick(space.top);
  if (rnd.next() < 0.7) q.topics = rnd.some(space.topics);
  if (space.feeds && rnd.next() < 0.3) q.feed = rnd.some(space.feeds);
  if (rnd.next() < 0.3) q.lang = rnd.some(space.langs).map((l) => l ?? "unknown");
  if (rnd.next() < 0.25) q.country = rnd.some(space.countries).map((c) => c ?? "unknown");
  if (space.regions && rnd.next() < 0.25) q.region = rnd.some(["north", "south"] as const);
  return q;
}
