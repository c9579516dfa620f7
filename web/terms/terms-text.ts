import type { DistinctiveTerm } from "../api";
import { formatCount } from "../format";

/** The words of the terms panel, pure so tests pin them. */

/** The search that finds a term's articles: quoted, so a phrase stays a phrase and no character is syntax. */
export function termSearch(term: string): string {
  return `"${term.replaceAll('"', " ").trim()}"`;
}

/** "in 41 of its articles (3 elsewhere)": what the term's rank rests on. */
export function termUse(term: Pick<DistinctiveTerm, "topicCount" | "restCount">, locale: string): string {
  return `in ${formatCount(term.topicCount, locale)} of its articles (${formatCount(term.restCount, locale)} elsewhere)`;
}

/**
 * The languages the terms can be read in: the filter's when it names some, else "all" and the topic's biggest
 * languages in the view (an "other" group is not a language).
 */
export function termLanguages(filterLang: string | undefined, topLanguages: readonly string[]): string[] {
  const named = (filterLang ?? "")
    .split(",")
    .map((l) => l.trim())
    .filter((l) => /^[a-z]{2,3}$/.test(l));
  if (named.length > 0) return named;
  return ["", ...topLanguages.filter((l) => /^[a-z]{2,3}$/.test(l))];
}
