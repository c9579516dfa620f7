import type { Interval } from "./api";

/**
 * Labels for people, from the API's machine labels. Pure: the locale and zone come in as arguments, so tests
 * pin them. Bucket labels are already local to the chart's zone, so they are formatted as UTC wall clocks,
 * never re-interpreted in the browser's zone.
 */

const cache = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/** "2025-01-27" | "2025-01" | "2025-01-27T09:00+01:00" as wall-clock parts, read as UTC. */
function wallClock(label: string): number {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?/.exec(label);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 1), Number(m[4] ?? 0), Number(m[5] ?? 0));
}

/**
 * A bucket as an axis tick (short) or a tooltip/table heading (long). Unknown shapes come back unchanged.
 * Years appear in long labels, and in short ones when `withYear` is set (a range over a year boundary).
 */
export function bucketLabel(
  bucket: string,
  interval: Interval,
  locale: string,
  style: "short" | "long" = "short",
  withYear = false,
): string {
  const wall = wallClock(bucket);
  if (Number.isNaN(wall)) return bucket;
  const year = style === "long" || withYear ? "numeric" : undefined;
  const utc = { timeZone: "UTC" } as const;
  switch (interval) {
    case "month":
      return dateFormat(locale, {
        ...utc,
        month: style === "long" ? "long" : "short",
        year: "numeric",
      }).format(wall);
    case "week": {
      const day = dateFormat(locale, { ...utc, day: "numeric", month: "short", year }).format(wall);
      return style === "long" ? `Week of ${day}` : day;
    }
    case "hour": {
      const time = dateFormat(locale, {
        ...utc,
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }).format(wall);
      const day = dateFormat(locale, { ...utc, day: "numeric", month: "short", year }).format(wall);
      return style === "long" ? `${day}, ${time}` : time === "00:00" ? day : time;
    }
    default:
      return dateFormat(locale, {
        ...utc,
        day: "numeric",
        month: "short",
        year,
        weekday: style === "long" ? "short" : undefined,
      }).format(wall);
  }
}

/** True when the buckets run over more than one calendar year, so short labels need the year. */
export function spansYears(buckets: readonly string[]): boolean {
  return buckets.length > 0 && buckets[0]!.slice(0, 4) !== buckets[buckets.length - 1]!.slice(0, 4);
}

export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n);
}

/** A share of all coverage (0..1) as a percentage with at most one decimal. */
export function formatShare(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share);
}

/** An ISO instant as a local date and time in the dashboard's zone. */
export function formatInstant(iso: string, tz: string, locale: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  try {
    return dateFormat(locale, { timeZone: tz, dateStyle: "medium", timeStyle: "short" }).format(t);
  } catch {
    return dateFormat(locale, { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" }).format(t);
  }
}

/** A language code as its English name ("de" -> "German"), or the code when Intl does not know it. */
export function languageName(code: string | null, locale: string): string {
  if (!code) return "unknown language";
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
