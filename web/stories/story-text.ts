import type { Story, StoryCopy } from "../api";
import { formatCount } from "../format";
import { formatArrival, formatLag } from "../spread/spread-text";

/**
 * The words of the stories list and a story's page. Pure: zone and locale come in, strings go out, and the DOM is
 * built from them as text (a headline is feed text).
 */

const plural = (n: number, one: string, many: string, locale: string) =>
  `${formatCount(n, locale)} ${n === 1 ? one : many}`;

/** "12 articles from 9 outlets in 5 countries". */
export function storySize(story: Pick<Story, "articles" | "outlets" | "countries">, locale: string): string {
  const countries =
    story.countries > 0 ? ` in ${plural(story.countries, "country", "countries", locale)}` : "";
  return `${plural(story.articles, "article", "articles", locale)} from ${plural(story.outlets, "outlet", "outlets", locale)}${countries}`;
}

/** "first Sample Wire, London, 27 Jan 14:05 Europe/Berlin". */
export function storyFirst(
  story: Pick<Story, "firstSource" | "firstSeenAt">,
  tz: string,
  locale: string,
): string {
  const source = story.firstSource.name ?? `feed ${story.firstSource.id}`;
  return `first ${source}, ${formatArrival(story.firstSeenAt, tz, locale)}`;
}

/** "50 min", "2 h", "1.5 h", "2 d": one step of a story's sparkline. */
export function stepName(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60 || minutes % (24 * 60) !== 0) return `${Math.round((minutes / 60) * 10) / 10} h`;
  return `${minutes / (24 * 60)} d`;
}

/** The sparkline's accessible name: "Articles per 50 min from the first: 2, 0, …, 1". */
export function sparkLabel(spark: Story["spark"]): string {
  return `Articles per ${stepName(spark.stepMinutes)} from the first: ${spark.counts.join(", ")}`;
}

/** A copy's lag after the story's first, in the spread's words ("first", "+40 min", "+19 h"). */
export function copyLag(copy: Pick<StoryCopy, "minutesAfterFirst">, index: number): string {
  return index === 0 ? "first" : formatLag(copy.minutesAfterFirst);
}
