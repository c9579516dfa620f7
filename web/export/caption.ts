import type { Coverage } from "../api";
import { formatCount } from "../format";
import type { Filter, Metric, Unit } from "../state/url-state";

/**
 * The words around a shared chart (an export, an embed), so it can be pasted into an article and still say
 * what it shows, over which days, in which zone, from where, and how to get back to the live view. Pure: the
 * numbers come in, text goes out; every string here is drawn as text, never parsed as markup.
 */
export interface Caption {
  title: string;
  /** Range, zone, smoothing and filters: "1 Jan 2025 – 31 Mar 2025 · Europe/Berlin · 7-bucket mean". */
  range: string;
  legend: Array<{ label: string; color: string }>;
  /** "Source: Tidemark, 862 articles from 26 outlets". */
  source: string;
  url: string;
}

/** How many articles a view covers and from how many outlets, read from its by=feed breakdown. */
export interface OutletCount {
  articles: number;
  outlets: number;
  /** The breakdown's "other" series held more outlets than it named: `outlets` is a lower bound. */
  more: boolean;
}

export interface CaptionInput {
  coverage: Coverage;
  metric: Metric;
  /** What the chart counts; articles when not given. */
  unit?: Unit;
  smooth: number;
  filters: Partial<Record<Filter, string>>;
  /** Each series' colour as the chart draws it. */
  colors: readonly string[];
  /** Null while unknown (not asked yet, or the request failed): the source line then names Tidemark alone. */
  outlets: OutletCount | null;
  viewUrl: string;
  locale: string;
}

const NAMED_SERIES = 3;

export function chartCaption(input: CaptionInput): Caption {
  const { coverage, locale } = input;
  const labels = coverage.series.map((s) => s.label);
  const stories = input.unit === "stories";
  const what =
    input.metric === "share"
      ? stories
        ? "Share of all stories"
        : "Share of all coverage"
      : stories
        ? "Stories"
        : "Articles";
  const about =
    labels.length === 0
      ? ""
      : labels.length <= NAMED_SERIES
        ? `: ${new Intl.ListFormat(locale, { type: "conjunction" }).format(labels)}`
        : `: ${labels.length} topics`;
  const parts = [`${formatDay(coverage.from, locale)} – ${formatDay(coverage.to, locale)}`, coverage.tz];
  if (input.smooth > 0) parts.push(`${input.smooth}-${coverage.interval} mean`);
  for (const [name, value] of Object.entries(input.filters)) parts.push(`only ${name} ${value}`);
  return {
    title: `${what} per ${coverage.interval}${about}`,
    range: parts.join(" · "),
    legend: labels.map((label, i) => ({ label, color: input.colors[i] ?? "#888888" })),
    source: sourceLine(input.outlets, locale),
    url: input.viewUrl,
  };
}

export function sourceLine(count: OutletCount | null, locale: string): string {
  if (!count) return "Source: Tidemark";
  const articles = `${formatCount(count.articles, locale)} ${count.articles === 1 ? "article" : "articles"}`;
  const outlets = `${count.more ? "more than " : ""}${formatCount(count.outlets, locale)} ${
    count.outlets === 1 && !count.more ? "outlet" : "outlets"
  }`;
  return `Source: Tidemark, ${articles} from ${outlets}`;
}

/** From a by=feed answer: its series add up to the view's articles, each article once; "other" sums the rest. */
export function outletCount(byFeed: {
  series: ReadonlyArray<{ key: string; counts: readonly number[] }>;
}): OutletCount {
  let articles = 0;
  let outlets = 0;
  let more = false;
  for (const series of byFeed.series) {
    const sum = series.counts.reduce((a, b) => a + b, 0);
    articles += sum;
    if (sum === 0) continue;
    if (series.key === "other") more = true;
    else outlets++;
  }
  return { articles, outlets, more };
}

/** "2025-01-27" as "27 Jan 2025" in the reader's locale; the date is a calendar day, so read as UTC. */
export function formatDay(date: string, locale: string): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t)) return date;
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", dateStyle: "medium" }).format(t);
}

/** The dashboard's address for a view: `/` with the view's query string, on this server. */
export function viewUrl(origin: string, search: string): string {
  return `${origin}/${search}`;
}
