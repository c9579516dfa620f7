import { DomainError } from "../errors";
import { firstInstantWhere, isTimeZone, offsetMsAt, startOfWallTime } from "./time-zone";

/**
 * The bucket list of /api/coverage: local hours, days, ISO weeks or months of a zone, as labels and as UTC edges
 * a query can count between. Wall-clock times are handled as epoch ms "as if UTC" (wall ms); an instant is
 * wall ms minus the offset in force.
 */

export const INTERVALS = ["hour", "day", "week", "month"] as const;
export type Interval = (typeof INTERVALS)[number];
export const MAX_BUCKETS = 2000;

export interface BucketPlan {
  interval: Interval;
  tz: string;
  /** The YYYY-MM-DD inputs, echoed. */
  from: string;
  to: string;
  /** hour: "2025-03-30T03:00+02:00"; day: "YYYY-MM-DD"; week: its Monday "YYYY-MM-DD"; month: "YYYY-MM". */
  labels: string[];
  /**
   * labels.length + 1 strictly increasing UTC epoch ms; bucket i counts [edges[i], edges[i+1]). edges[0] is the
   * start of the `from` day (not of its week or month), the last edge the start of the day after `to`.
   */
  edges: number[];
}

/** A bucket plan that cannot be made; `param` names the request parameter at fault. */
export class BucketError extends DomainError {
  override name = "BucketError";
  declare readonly param: "from" | "to" | "tz" | "interval";
  constructor(param: "from" | "to" | "tz" | "interval", message: string) {
    super("invalid_request", message, { param });
  }
}

export interface PlanInput {
  from: string;
  to: string;
  interval: Interval;
  tz: string;
  maxBuckets?: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(1970, 0, 1);
const LAST_DAY = Date.UTC(2100, 11, 31);

export function planBuckets(input: PlanInput): BucketPlan {
  const { from, to, interval, tz } = input;
  const maxBuckets = input.maxBuckets ?? MAX_BUCKETS;
  if (!INTERVALS.includes(interval)) {
    throw new BucketError(
      "interval",
      `interval must be one of ${INTERVALS.join(", ")}, got ${quote(interval)}`,
    );
  }
  if (typeof tz !== "string" || !isTimeZone(tz)) {
    throw new BucketError("tz", `tz must be an IANA time zone such as Europe/Berlin, got ${quote(tz)}`);
  }
  const fromWall = parseDay(from, "from");
  const toWall = parseDay(to, "to");
  if (fromWall > toWall) throw new BucketError("from", `from (${from}) is after to (${to})`);
  const endWall = toWall + DAY_MS;

  const counts = calendarCounts(fromWall, toWall);
  if (interval !== "hour" && counts[interval] > maxBuckets) {
    throw tooMany(input, counts[interval], maxBuckets, counts);
  }
  const plan =
    interval === "hour"
      ? planHours(fromWall, endWall, tz, (estimate) => {
          if (estimate > maxBuckets) throw tooMany(input, estimate, maxBuckets, counts);
        })
      : planCalendar(interval, fromWall, endWall, tz);
  if (plan.labels.length > maxBuckets) throw tooMany(input, plan.labels.length, maxBuckets, counts);
  return { interval, tz, from, to, ...plan };
}

/** The bucket holding an instant, by binary search over the edges; -1 outside the plan. */
export function bucketIndex(edges: readonly number[], instantMs: number): number {
  if (edges.length < 2 || instantMs < edges[0]! || instantMs >= edges[edges.length - 1]!) return -1;
  let low = 0;
  let high = edges.length - 1;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (edges[mid]! <= instantMs) low = mid;
    else high = mid;
  }
  return low;
}

function parseDay(value: unknown, param: "from" | "to"): number {
  const match = typeof value === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (match === null) {
    throw new BucketError(param, `${param} must be a date as YYYY-MM-DD, got ${quote(value)}`);
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const wall = Date.UTC(year, month - 1, day);
  const back = new Date(wall);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new BucketError(param, `${param} is not a calendar date: ${value}`);
  }
  if (wall < FIRST_DAY || wall > LAST_DAY) {
    throw new BucketError(param, `${param} must be between 1970-01-01 and 2100-12-31, got ${value}`);
  }
  return wall;
}

/** Day, week and month counts depend on the calendar only, so they are known before any zone arithmetic. */
function calendarCounts(fromWall: number, toWall: number): Record<Exclude<Interval, "hour">, number> {
  const a = new Date(fromWall);
  const b = new Date(toWall);
  return {
    day: (toWall - fromWall) / DAY_MS + 1,
    week: (mondayOf(toWall) - mondayOf(fromWall)) / (7 * DAY_MS) + 1,
    month: (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1,
  };
}

function tooMany(
  input: PlanInput,
  count: number,
  max: number,
  counts: Record<Exclude<Interval, "hour">, number>,
): BucketError {
  const coarser = INTERVALS.slice(INTERVALS.indexOf(input.interval) + 1) as Exclude<Interval, "hour">[];
  const fits = coarser.find((interval) => counts[interval] <= max);
  const advice =
    fits === undefined
      ? "use a shorter range"
      : `use a coarser interval (${fits}: ${counts[fits].toLocaleString("en-US")} buckets) or a shorter range`;
  return new BucketError(
    "interval",
    `interval=${input.interval} from ${input.from} to ${input.to} gives ${count.toLocaleString("en-US")} buckets, ` +
      `more than the limit of ${max.toLocaleString("en-US")}: ${advice}`,
  );
}

/**
 * Local hours: a bucket starts wherever the local hour or the offset changes, so a fall-back hour appears twice
 * (02:00+02:00, 02:00+01:00) and a 30-minute DST shift (Australia/Lord_Howe) splits an hour in two.
 */
function planHours(fromWall: number, endWall: number, tz: string, checkCount: (estimate: number) => void) {
  const start = startOfWallTime(fromWall, tz);
  const end = startOfWallTime(endWall, tz);
  checkCount(Math.round((end - start) / HOUR_MS));
  const labels: string[] = [];
  const edges = [start];
  let t = start;
  let offset = offsetMsAt(t, tz);
  let offsetText = formatOffset(offset);
  while (t < end) {
    labels.push(hourLabel(t, offset, offsetText));
    const wall = t + offset;
    const next = Math.min(Math.floor(wall / HOUR_MS) * HOUR_MS + HOUR_MS - offset, end);
    const nextOffset = offsetMsAt(next, tz);
    if (nextOffset === offset) {
      t = next;
    } else {
      const before = offset;
      t = firstInstantWhere(t, next, (x) => offsetMsAt(x, tz) !== before);
      offset = t === next ? nextOffset : offsetMsAt(t, tz);
      offsetText = formatOffset(offset);
    }
    edges.push(t);
  }
  return { labels, edges };
}

function planCalendar(interval: "day" | "week" | "month", fromWall: number, endWall: number, tz: string) {
  const starts = [fromWall];
  let wall = nextBucketStart(interval, fromWall);
  while (wall < endWall) {
    starts.push(wall);
    wall = nextBucketStart(interval, wall);
  }
  const labels = starts.map((s, i) => calendarLabel(interval, i === 0 ? bucketStart(interval, s) : s));
  const edges: number[] = [];
  let offset: number | undefined;
  for (const s of [...starts, endWall]) {
    // Guess the previous edge's offset: right except across a DST change, so usually one Intl call per edge.
    const guess = offset === undefined ? undefined : s - offset;
    if (guess !== undefined && offsetMsAt(guess, tz) === offset) {
      edges.push(guess);
    } else {
      const edge = startOfWallTime(s, tz);
      edges.push(edge);
      offset = offsetMsAt(edge, tz);
    }
  }
  return { labels, edges };
}

function bucketStart(interval: "day" | "week" | "month", wall: number): number {
  if (interval === "day") return wall;
  if (interval === "week") return mondayOf(wall);
  const d = new Date(wall);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function nextBucketStart(interval: "day" | "week" | "month", wall: number): number {
  if (interval === "day") return wall + DAY_MS;
  if (interval === "week") return mondayOf(wall) + 7 * DAY_MS;
  const d = new Date(wall);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

function mondayOf(wall: number): number {
  const weekday = (new Date(wall).getUTCDay() + 6) % 7; // 0 = Monday
  return wall - weekday * DAY_MS;
}

// Labels dominate a warm plan's time: Date#toISOString plus slicing cost ~5x these getters and a lookup table.
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));

function calendarLabel(interval: "day" | "week" | "month", wall: number): string {
  const d = new Date(wall);
  const month = `${d.getUTCFullYear()}-${TWO_DIGITS[d.getUTCMonth() + 1]}`;
  return interval === "month" ? month : `${month}-${TWO_DIGITS[d.getUTCDate()]}`;
}

/** "2025-10-26T02:00+01:00"; seconds appear only for the pre-1972 offsets that had them. */
function hourLabel(instant: number, offsetMs: number, offsetText: string): string {
  const d = new Date(instant + offsetMs);
  const seconds = d.getUTCSeconds();
  return (
    `${d.getUTCFullYear()}-${TWO_DIGITS[d.getUTCMonth() + 1]}-${TWO_DIGITS[d.getUTCDate()]}` +
    `T${TWO_DIGITS[d.getUTCHours()]}:${TWO_DIGITS[d.getUTCMinutes()]}` +
    `${seconds === 0 ? "" : `:${TWO_DIGITS[seconds]}`}${offsetText}`
  );
}

function formatOffset(offsetMs: number): string {
  const abs = Math.abs(offsetMs) / 1000;
  const hh = String(Math.floor(abs / 3600)).padStart(2, "0");
  const mm = String(Math.floor((abs % 3600) / 60)).padStart(2, "0");
  const ss = abs % 60;
  return `${offsetMs < 0 ? "-" : "+"}${hh}:${mm}${ss === 0 ? "" : `:${String(ss).padStart(2, "0")}`}`;
}

function quote(value: unknown): string {
  const text = typeof value === "string" ? value : String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
