/**
 * Time-zone arithmetic on Intl alone (Node 20 has no Temporal). Every answer is derived from one question Intl
 * can answer: "what is the wall-clock time in zone Z at instant T?". Offsets may carry seconds (Africa/Monrovia
 * was UTC-00:44:30 until 1972), so the arithmetic is done in milliseconds, not minutes.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// Intl accepts "+05:30" as a zone from V8 12.x on but not in Node 20; refusing offset strings (and anything
// else that is not shaped like an IANA name) keeps the accepted set the same on every Node version.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

/**
 * Per zone: the Intl formatter and what it has told us. Offsets change a few times a year, so they are cached
 * per UTC day: the offset at each day's start, and where the two ends of a day differ, the exact second of the
 * change (found by bisection). This assumes no zone changes its offset twice within one UTC day, which holds
 * for every zone in the tz database since 1970. A plan of 2,000 hours then costs ~90 Intl calls cold and
 * none warm, instead of one per bucket edge.
 */
interface Zone {
  formatter: Intl.DateTimeFormat;
  dayStartOffset: Map<number, number>;
  transitions: Map<number, { at: number; before: number; after: number }>;
}

// Keyed by the lower-cased name: IANA names are case-insensitive for Intl, so the cache is bounded by the
// number of zone names (~600) whatever clients send. Invalid names are never cached.
const zones = new Map<string, Zone>();
// ~130 years of days for a few zones; past that a zone's day cache starts over (a few MB at most).
const MAX_CACHED_DAYS = 50_000;

function zoneFor(tz: string): Zone | undefined {
  const key = tz.toLowerCase();
  const cached = zones.get(key);
  if (cached !== undefined) return cached;
  if (!ZONE_NAME.test(tz)) return undefined;
  try {
    // en-US with numeric fields and h23 formats as "1/31/2025, 23:05:09"; format() is ~3x cheaper than
    // formatToParts(), so the six numbers are read out of that string.
    const formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    const zone: Zone = { formatter, dayStartOffset: new Map(), transitions: new Map() };
    zones.set(key, zone);
    return zone;
  } catch {
    return undefined;
  }
}

// A plan asks about one zone thousands of times in a row: skip the lower-casing and map lookup then.
let lastZone: { tz: string; zone: Zone } | undefined;

function knownZone(tz: string): Zone {
  if (lastZone?.tz === tz) return lastZone.zone;
  const zone = zoneFor(tz);
  if (zone === undefined) throw new RangeError(`unknown time zone: ${tz}`);
  lastZone = { tz, zone };
  return zone;
}

/** True for any IANA zone name Intl knows (any letter case), "UTC" included. */
export function isTimeZone(tz: string): boolean {
  return zoneFor(tz) !== undefined;
}

/** Reads "M/D/YYYY, HH:MM:SS" as a wall-clock time expressed in epoch ms (as if the wall clock were UTC). */
function wallClockMs(text: string): number {
  const n = [0, 0, 0, 0, 0, 0];
  let field = 0;
  let inNumber = false;
  for (let i = 0; i < text.length && field < 6; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit >= 0 && digit <= 9) {
      n[field] = n[field]! * 10 + digit;
      inNumber = true;
    } else if (inNumber) {
      field++;
      inNumber = false;
    }
  }
  const [month, day, year, hour, minute, second] = n as [number, number, number, number, number, number];
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The offset Intl gives at a whole second. */
function intlOffsetMs(zone: Zone, wholeSecondMs: number): number {
  return wallClockMs(zone.formatter.format(wholeSecondMs)) - wholeSecondMs;
}

function dayStartOffset(zone: Zone, day: number): number {
  let offset = zone.dayStartOffset.get(day);
  if (offset === undefined) {
    if (zone.dayStartOffset.size >= MAX_CACHED_DAYS) {
      zone.dayStartOffset.clear();
      zone.transitions.clear();
    }
    offset = intlOffsetMs(zone, day * DAY_MS);
    zone.dayStartOffset.set(day, offset);
  }
  return offset;
}

/** The zone's offset from UTC in ms at an instant (positive east of Greenwich). */
export function offsetMsAt(instantMs: number, tz: string): number {
  const zone = knownZone(tz);
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  const day = Math.floor(wholeSecond / DAY_MS);
  const transition = zone.transitions.get(day);
  if (transition !== undefined) return wholeSecond < transition.at ? transition.before : transition.after;
  const before = dayStartOffset(zone, day);
  const after = dayStartOffset(zone, day + 1);
  if (before === after) return before;
  const at = firstInstantWhere(day * DAY_MS, (day + 1) * DAY_MS, (t) => intlOffsetMs(zone, t) !== before);
  zone.transitions.set(day, { at, before, after });
  return wholeSecond < at ? before : after;
}

/** Minutes east of UTC at an instant: +330 for Asia/Kolkata, +345 for Asia/Kathmandu, -180 for São Paulo. */
export function offsetAt(instantMs: number, tz: string): number {
  return offsetMsAt(instantMs, tz) / MINUTE_MS;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

export function localParts(instantMs: number, tz: string): LocalParts {
  const wall = new Date(instantMs + offsetMsAt(instantMs, tz));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    weekday: wall.getUTCDay() === 0 ? 7 : wall.getUTCDay(),
  };
}

/**
 * The first instant whose local date in tz is year-month-day. That is local midnight, except where midnight is
 * skipped by a DST gap (America/Sao_Paulo 2018-11-04 went from 00:00 straight to 01:00): then the day starts at
 * the transition. Where midnight happens twice (a fall-back at 01:00, as in America/Havana), the earlier one.
 */
export function startOfLocalDay(year: number, month: number, day: number, tz: string): number {
  return startOfWallTime(Date.UTC(year, month - 1, day), tz);
}

/**
 * The first instant whose wall clock in tz reads `wallMs` (a wall-clock time written as if it were UTC) or
 * later: the instant itself where it exists, the earlier one where it happens twice, the transition where a
 * DST gap skips it.
 */
export function startOfWallTime(wallMs: number, tz: string): number {
  // Offsets stay within ±1 day, so these two bracket every instant whose wall clock is near wallMs.
  const before = offsetMsAt(wallMs - DAY_MS, tz);
  const after = offsetMsAt(wallMs + DAY_MS, tz);
  const candidates = before >= after ? [before, after] : [after, before];
  for (const offset of candidates) {
    // The larger offset first: it gives the earlier instant.
    if (offsetMsAt(wallMs - offset, tz) === offset) return wallMs - offset;
  }
  // A gap: no instant shows exactly wallMs. The answer is the transition, the first instant whose wall clock
  // has passed wallMs; it lies between the two candidates. Transitions fall on whole seconds.
  return firstInstantWhere(wallMs - after, wallMs - before, (t) => t + offsetMsAt(t, tz) >= wallMs);
}

/**
 * The first whole second in (lo, hi] where `test` holds, for a test that is false at lo, true at hi and flips
 * once in between (bisection: 12 steps for an hour-wide bracket, 17 for a day).
 */
export function firstInstantWhere(lo: number, hi: number, test: (t: number) => boolean): number {
  let low = Math.floor(lo / 1000);
  let high = Math.ceil(hi / 1000);
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (test(mid * 1000)) high = mid;
    else low = mid;
  }
  return high * 1000;
}
