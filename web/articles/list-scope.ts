import type { ArticleQuery } from "../api";
import { bucketLabel } from "../format";
import type { DashboardState } from "../state/url-state";

/**
 * What the article list shows when nobody has picked a point: the newest articles of the view, or a search,
 * both inside the view's topics, range and filters. Pure: the state comes in, a query and its caption go out,
 * so the list cannot drift from the chart.
 */

/** A search's `topic` narrows it to that one topic (a distinctive term's articles), else the view's topics. */
export type ListMode = { kind: "range" } | { kind: "search"; q: string; everywhere: boolean; topic?: string };

export interface ListScope {
  state: Pick<DashboardState, "topics" | "filters" | "tz">;
  /** Every topic's slug and name, in the topic list's order (the state's empty `topics` means all of them). */
  topics: ReadonlyArray<{ slug: string; name: string }>;
  /** The range as dates in the zone (the caption) and as instants (the query). */
  dates: { from: string; to: string };
  span: { from: string; to: string };
}

/** The selected topics' slugs; every topic when the state names none. */
function selected(scope: ListScope): string[] {
  return scope.state.topics.length > 0 ? [...scope.state.topics] : scope.topics.map((t) => t.slug);
}

export function listQuery(mode: ListMode, scope: ListScope): ArticleQuery {
  const everywhere = mode.kind === "search" && mode.everywhere;
  const topics = mode.kind === "search" && mode.topic ? [mode.topic] : selected(scope);
  return {
    ...scope.state.filters,
    topics: everywhere || topics.length === 0 ? undefined : topics.join(","),
    q: mode.kind === "search" ? mode.q : undefined,
    from: scope.span.from,
    to: scope.span.to,
  };
}

/** "DeepSeek R1 release and Nvidia valuation", "all 5 topics", "3 topics". */
export function topicsPhrase(scope: ListScope): string {
  const slugs = selected(scope);
  if (scope.state.topics.length === 0)
    return slugs.length === 1 ? "the one topic" : `all ${slugs.length} topics`;
  const names = slugs.map((slug) => scope.topics.find((t) => t.slug === slug)?.name ?? slug);
  if (names.length > 3) return `${names.length} topics`;
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * The caption over the list: what it holds, where, when. "Newest articles on Nvidia valuation, 20 Jan 2025 –
 * 31 Jan 2025 (Asia/Tokyo), only lang de". A search in every article says so.
 */
export function listCaption(mode: ListMode, scope: ListScope, locale: string): string {
  const day = (d: string) => bucketLabel(d, "day", locale, "short", true);
  const when = `${day(scope.dates.from)} – ${day(scope.dates.to)} (${scope.state.tz})`;
  const filters = Object.entries(scope.state.filters)
    .filter(([, v]) => v)
    .map(([name, v]) => `${name} ${v!.replaceAll(",", ", ")}`);
  const only = filters.length > 0 ? `, only ${filters.join("; ")}` : "";
  if (mode.kind === "range") return `Newest articles on ${topicsPhrase(scope)}, ${when}${only}`;
  const named = mode.topic && (scope.topics.find((t) => t.slug === mode.topic)?.name ?? mode.topic);
  const where = mode.everywhere ? "every article" : `articles on ${named || topicsPhrase(scope)}`;
  return `Search “${mode.q}” in ${where}, ${when}${only}`;
}
