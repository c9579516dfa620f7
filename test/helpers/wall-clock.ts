const DAY = 86_400_000;

/** A UTC instant's date, `2025-01-27`. */
export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface Wall {
  date: string;
  hour: string;
  offset: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of an instant in a zone, as Intl reads it: date, hour and UTC offset ("+05:30"). */
export function wallClock(at: number, tz: string): Wall {
  let format = formats.get(tz);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      timeZoneName: "longOffset",
    });
    formats.set(tz, format);
  }
  const part = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  const offset = part.timeZoneName === "GMT" ? "+00:00" : part.timeZoneName!.replace("GMT", "");
  return { date: `${part.year}-${part.month}-${part.day}`, hour: part.hour!, offset };
}

/** The label of the bucket a wall clock falls in: the API's own labels, computed without core/time. */
export function bucketLabel(wall: Wall, interval: "hour" | "day" | "week" | "month"): string {
  if (interval === "hour") return `${wall.date}T${wall.hour}:00${wall.offset}`;
  if (interval === "day") return wall.date;
  if (interval === "month") return wall.date.slice(0, 7);
  const day = Date.parse(wall.date);
  return isoDate(day - ((new Date(day).getUTCDay() + 6) % 7) * DAY);
}
