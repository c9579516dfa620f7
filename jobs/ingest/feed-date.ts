/** Longer strings are not dates; the cap also bounds the work of every regex below. */
const MAX_LENGTH = 120;

const MONTHS: Record<string, number> = {};
// English first, then the German, French, Spanish and Portuguese abbreviations localized feeds emit.
for (const [index, names] of [
  "jan january janv jänner janeiro ene enero",
  "feb february févr fevr fev fevereiro febrero février",
  "mar march mär märz mrz mars marzo março",
  "apr april avr avril abr abril",
  "may mai mayo maio",
  "jun june juni juin junio junho",
  "jul july juli juil juillet julio julho",
  "aug august août aout ago agosto",
  "sep sept september septembre septiembre setembro set",
  "oct october okt oktober octobre octubre out outubro",
  "nov november novembre noviembre novembro",
  "dec december dez dezember déc decembre décembre dic diciembre dezembro",
].entries()) {
  for (const name of names.split(" ")) MONTHS[name] = index;
}

/** Named zones, in minutes east of UTC. North American names follow RFC 822; the rest are common in feeds. */
const ZONES: Record<string, number> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  wet: 0,
  west: 60,
  bst: 60,
  cet: 60,
  mez: 60,
  cest: 120,
  mesz: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  ist: 330,
  sgt: 480,
  hkt: 480,
  awst: 480,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
};

// [weekday,] day month year [time] [zone]: RFC 822/1123/2822 and their sloppy relatives.
const RFC822 =
  /^(?:[a-zà-ü]+\.?,?\s*)?(\d{1,2})[\s-]+([a-zà-ü]+)\.?[\s-]+(\d{4}|\d{2})(?:(?:[\s,]+|\s+at\s+|t)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?)?\s*(.*)$/;
// [weekday,] month day[,] year [time] [zone]: "Jan 27, 2025 10:00 GMT", JavaScript's Date#toString.
const MONTH_FIRST =
  /^(?:[a-zà-ü]+\.?,?\s+)?([a-zà-ü]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:(?:[\s,]+|\s+at\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?)?\s*(.*)$/;
// day.month.year, as German and other European feeds write it.
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(.*)$/;
// ISO 8601 / RFC 3339, also with "/" or a space (Chinese feeds write "2025/01/27 10:00:00").
const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[t\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?)?\s*(.*)$/;

/**
 * A feed's date string to epoch ms, or null. Strict parsers first, since Date.parse reads a zoneless date
 * in the server's time zone and accepts nonsense like "1"; a date without a zone is taken as UTC.
 */
export function parseFeedDate(raw: string): number | null {
  // Comments like "+0000 (UTC)" and stray spaces or dots around the zone are junk.
  const text = raw
    .replace(/\([^()]*\)/g, " ")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
  if (text === "" || text.length > MAX_LENGTH) return null;
  let m = ISO.exec(text);
  if (m) return build(m[1], m[2], m[3], m[4], m[5], m[6], m[7]);
  m = RFC822.exec(text);
  if (m) return build(year(m[3]), month(m[2]), m[1], m[4], m[5], m[6], m[7]);
  m = DOTTED.exec(text);
  if (m) return build(m[3], m[2], m[1], m[4], m[5], m[6], m[7]);
  m = MONTH_FIRST.exec(text);
  if (m) return build(m[3], month(m[1]), m[2], m[4], m[5], m[6], m[7]);
  return fallback(text);
}

function month(name: string | undefined): string | undefined {
  const index = name === undefined ? undefined : MONTHS[name];
  return index === undefined ? undefined : String(index + 1);
}

/** RFC 822's two-digit years: 00-49 are 20xx, 50-99 are 19xx (RFC 2822's rule). */
function year(digits: string | undefined): string | undefined {
  if (digits?.length !== 2) return digits;
  const yy = Number(digits);
  return String(yy < 50 ? 2000 + yy : 1900 + yy);
}

function build(
  y: string | undefined,
  mo: string | undefined,
  d: string | undefined,
  h = "0",
  mi = "0",
  s = "0",
  zone = "",
): number | null {
  const offset = zoneOffset(zone);
  if (y === undefined || mo === undefined || d === undefined || offset === null) return null;
  const [year, month, day, hour, minute] = [Number(y), Number(mo), Number(d), Number(h), Number(mi)];
  // A leap second reads as :59; hour 24 is only valid as 24:00 (midnight at the end of the day).
  const second = Math.min(Number(s), 59);
  if (month < 1 || month > 12 || day < 1 || day > 31 || minute > 59 || hour > 24) return null;
  if (hour === 24 && (minute > 0 || second > 0)) return null;
  const time = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 31 Feb over into March: reject dates that don't exist.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  return time - offset * 60_000;
}

/** Minutes east of UTC for what follows the time: "", "z", "gmt", "est", "+0100", "+01:00", "gmt+1". */
function zoneOffset(zone: string): number | null {
  const text = zone.replace(/^[\s.,]+|[\s.,]+$/g, "");
  if (text === "") return 0;
  const named = /^([a-z]{1,5})?\s*(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(text);
  if (!named || (named[1] === undefined && named[2] === undefined)) return null;
  let minutes = 0;
  if (named[1] !== undefined) {
    // Unknown abbreviations (and RFC 822's military letters, which RFC 2822 says to read as UTC) count as
    // UTC: a time a few hours off beats losing the date and falling back to first-seen.
    minutes = ZONES[named[1]] ?? 0;
  }
  if (named[2] !== undefined) {
    const hours = Number(named[3]);
    const mins = Number(named[4] ?? "0");
    if (hours > 14 || mins > 59) return null;
    minutes += (named[2] === "-" ? -1 : 1) * (hours * 60 + mins);
  }
  return minutes;
}

/** Last resort for formats above's regexes miss; only when the string names a zone, so the result is fixed. */
function fallback(text: string): number | null {
  if (!/\b(?:1[6-9]|2\d)\d{2}\b/.test(text)) return null;
  const hasZone = /(?:\b(?:gmt|utc|ut|z)\b|[+-]\d{2}:?\d{2}\b)/.test(text);
  const ms = Date.parse(hasZone ? text : `${text} UTC`);
  return Number.isNaN(ms) ? null : ms;
}
