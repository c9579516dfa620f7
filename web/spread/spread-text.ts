import type { SpreadGroup, TopicSpread } from "../api";
import { bucketLabel } from "../format";

/**
 * The words of the spread timeline ("first in zh 20 Jan 08:10 UTC, en +3 h, Global South +2 d"). Pure: the
 * zone and locale come in as arguments, so tests pin them; the DOM is built from these strings as text.
 */

export type SpreadKind = "lang" | "country" | "region";

/** What the timeline reads of a spread answer: a topic's (/api/topics/:slug/spread) or a story's. */
export type SpreadAnswer = Pick<TopicSpread, "tz" | "outlets" | "languages" | "countries" | "regions">;

export interface SpreadPlace {
  kind: SpreadKind;
  key: string;
  /** What the line shows: a language or country code, a region's name. */
  name: string;
  /** The first article and the N-outlet day, for a tooltip. */
  detail: string;
}

/** Places reached at the same minute, shown together. */
export interface SpreadStep {
  /** Minutes after the first step. */
  lagMinutes: number;
  /** The first step's time in the zone ("20 Jan 08:10 UTC"), the others' lag ("+3 h"). */
  when: string;
  places: SpreadPlace[];
}

const MINUTE = 1;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A lag in the coarsest unit that still reads right: minutes below an hour, hours below two days. */
export function formatLag(minutes: number): string {
  if (minutes < HOUR) return `+${minutes} min`;
  if (minutes < 2 * DAY) return `+${Math.round(minutes / HOUR)} h`;
  return `+${Math.round(minutes / DAY)} d`;
}

/** "20 Jan 08:10 UTC": day, month and 24-hour time in the zone, then the zone's name. */
export function formatArrival(iso: string, tz: string, locale: string): string {
  const parts = new Intl.DateTimeFormat(locale, {
    timeZone: tz,
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(Date.parse(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("day")} ${part("month")} ${part("hour")}:${part("minute")} ${tz}`;
}

/** The timeline: every language, country and region, grouped by the minute they were first reached. */
export function spreadSteps(spread: SpreadAnswer, locale: string): SpreadStep[] {
  const all: Array<{ group: SpreadGroup; place: SpreadPlace }> = [
    ...spread.languages.map((g) => ({ group: g, place: placeOf("lang", g, g.key, spread, locale) })),
    ...spread.countries.map((g) => ({ group: g, place: placeOf("country", g, g.key, spread, locale) })),
    ...spread.regions.map((g) => ({ group: g, place: placeOf("region", g, g.label, spread, locale) })),
  ];
  // A stable sort keeps languages before countries before regions within a minute.
  all.sort((a, b) => a.group.lagMinutes - b.group.lagMinutes);
  const steps: SpreadStep[] = [];
  const start = all[0]?.group;
  for (const { group, place } of all) {
    const lag = group.lagMinutes - (start?.lagMinutes ?? 0);
    const last = steps[steps.length - 1];
    if (last && last.lagMinutes === lag) {
      last.places.push(place);
      continue;
    }
    const when =
      steps.length === 0 ? formatArrival(group.firstArticle.publishedAt, spread.tz, locale) : formatLag(lag);
    steps.push({ lagMinutes: lag, when, places: [place] });
  }
  return steps;
}

/** One step as the line reads it: "first in zh · CN 20 Jan 08:10 UTC", "en · US +3 h". */
export function stepText(step: SpreadStep, first: boolean): string {
  return `${first ? "first in " : ""}${step.places.map((p) => p.name).join(" · ")} ${step.when}`;
}

/** The whole timeline on one line, steps separated by commas. */
export function spreadLine(steps: readonly SpreadStep[]): string {
  return steps.map((step, i) => stepText(step, i === 0)).join(", ");
}

function placeOf(
  kind: SpreadKind,
  group: SpreadGroup,
  name: string,
  spread: SpreadAnswer,
  locale: string,
): SpreadPlace {
  const first = group.firstArticle;
  const source = first.source.name ?? `feed ${first.source.id}`;
  const reached = group.outletsReached
    ? `${spread.outlets} outlets first on ${bucketLabel(group.outletsReached.day, "day", locale)} (${formatLag(group.outletsReached.lagMinutes)})`
    : `never ${spread.outlets} outlets in one day`;
  const detail =
    `${group.label}: first "${first.title}" (${source}), ${formatArrival(first.publishedAt, spread.tz, locale)}; ` +
    `${group.articles} article${group.articles === 1 ? "" : "s"} from ${group.outlets} outlet${group.outlets === 1 ? "" : "s"}; ${reached}`;
  return { kind, key: group.key, name, detail };
}
