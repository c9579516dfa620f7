/**
 * Strict ISO 8601 for what users type: a calendar date (YYYY-MM-DD) or a time with an offset. Date.parse reads
 * `2025-02-30` as 2 March and `T24:00` as the next day, so every field is checked against the calendar here
 * instead of being left to it.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** Whether `value` is a YYYY-MM-DD that exists on the calendar. */
export function isCalendarDate(value: string): boolean {
  return DATE.test(value) && parseIsoInstant(value) !== null;
}

/** Epoch ms of a date (its UTC midnight) or of a time with offset; null for anything else or a day that isn't. */
export function parseIsoInstant(value: string): number | null {
  const date = DATE.exec(value);
  if (date) return utc(Number(date[1]), Number(date[2]), Number(date[3]), 0, 0, 0, 0);
  const t = TIME.exec(value);
  if (!t) return null;
  const [hour, minute, second] = [Number(t[4]), Number(t[5]), Number(t[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = Number((t[7] ?? "0").padEnd(3, "0"));
  const local = utc(Number(t[1]), Number(t[2]), Number(t[3]), hour, minute, second, millis);
  if (local === null) return null;
  if (t[8] === "Z") return local;
  const [offsetHours, offsetMinutes] = [Number(t[10]), Number(t[11])];
  if (offsetHours > 23 || offsetMinutes > 59) return null;
  const offset = (offsetHours * 60 + offsetMinutes) * 60_000;
  return t[9] === "+" ? local - offset : local + offset;
}

function utc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
): number | null {
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const back = new Date(ms);
  // Date.UTC rolls 30 February over into March: a round trip that changes the day means there is no such day.
  const exists =
    back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day;
  return exists ? ms : null;
}
