import type { Interval } from "../api";

/**
 * What the dashboard shows, as it lives in the address bar: a shared link reproduces the view, and back/forward
 * step through earlier views. Parsing never throws: an unknown or malformed value falls back to its default,
 * so a hand-edited link still opens.
 */

export const RANGE_PRESETS = ["7d", "30d", "90d", "1y", "all", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const INTERVALS: readonly Interval[] = ["hour", "day", "week", "month"];
export const METRICS = ["counts", "share"] as const;
export type Metric = (typeof METRICS)[number];
export const BREAKDOWNS = ["feed", "lang", "region"] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
export const SMOOTHING = [0, 3, 7, 14, 28] as const;
/** What the breakdown's bars measure: articles, or their share of each group's own coverage (share=group). */
export const BREAKDOWN_SHARES = ["all", "group"] as const;
export type BreakdownShare = (typeof BREAKDOWN_SHARES)[number];
/** The API's filters, passed through as written (the API refuses unknown values with a message to show). */
export const FILTERS = ["feed", "lang", "country", "region"] as const;
export type Filter = (typeof FILTERS)[number];

export interface DashboardState {
  /** Topic slugs in the chart; empty means every topic. */
  topics: string[];
  range: RangePreset;
  /** YYYY-MM-DD, only for range=custom. */
  from: string | null;
  to: string | null;
  interval: Interval;
  tz: string;
  metric: Metric;
  stacked: boolean;
  /** Trailing mean over this many buckets; 0 is off. */
  smooth: number;
  breakdown: Breakdown;
  /** `group`: the breakdown shows each group's share of its own coverage ("share of each outlet's coverage"). */
  share: BreakdownShare;
  /** Comma-separated filter values, as /api/coverage and /api/articles take them. */
  filters: Partial<Record<Filter, string>>;
}

export function defaultState(tz: string): DashboardState {
  return {
    topics: [],
    range: "all",
    from: null,
    to: null,
    interval: "day",
    tz,
    metric: "counts",
    stacked: false,
    smooth: 0,
    breakdown: "feed",
    share: "all",
    filters: {},
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const ZONE = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;
const FILTER_VALUE = /^[A-Za-z0-9-]{1,20}(,[A-Za-z0-9-]{1,20}){0,49}$/;

function oneOf<T extends string | number>(
  options: readonly T[],
  value: T | null | undefined,
  fallback: T,
): T {
  return value !== null && value !== undefined && options.includes(value) ? value : fallback;
}

export function parseState(search: string, browserTz: string): DashboardState {
  const p = new URLSearchParams(search);
  const base = defaultState(browserTz);
  const from = p.get("from");
  const to = p.get("to");
  const custom = from !== null && DATE.test(from) && to !== null && DATE.test(to) && from <= to;
  const range = oneOf(RANGE_PRESETS, p.get("range") as RangePreset | null, custom ? "custom" : base.range);
  const tz = p.get("tz");
  return {
    topics: (p.get("topics") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => SLUG.test(s)),
    range: range === "custom" && !custom ? base.range : range,
    from: range === "custom" && custom ? from : null,
    to: range === "custom" && custom ? to : null,
    interval: oneOf(INTERVALS, p.get("interval") as Interval | null, base.interval),
    tz: tz !== null && ZONE.test(tz) ? tz : base.tz,
    metric: oneOf(METRICS, p.get("metric") as Metric | null, base.metric),
    stacked: p.get("stacked") === "1",
    smooth: oneOf<number>(SMOOTHING, Number(p.get("smooth") ?? 0), 0),
    breakdown: oneOf(BREAKDOWNS, p.get("by") as Breakdown | null, base.breakdown),
    share: oneOf(BREAKDOWN_SHARES, p.get("share") as BreakdownShare | null, base.share),
    filters: Object.fromEntries(
      FILTERS.flatMap((name) => {
        const value = p.get(name);
        return value !== null && FILTER_VALUE.test(value) ? [[name, value]] : [];
      }),
    ),
  };
}

/** The query string for a state; defaults are left out so links stay short. Always starts with "?" or is "". */
export function serializeState(state: DashboardState, browserTz: string): string {
  const base = defaultState(browserTz);
  const p = new URLSearchParams();
  if (state.topics.length > 0) p.set("topics", state.topics.join(","));
  if (state.range !== base.range) p.set("range", state.range);
  if (state.range === "custom" && state.from && state.to) {
    p.set("from", state.from);
    p.set("to", state.to);
  }
  if (state.interval !== base.interval) p.set("interval", state.interval);
  if (state.tz !== browserTz) p.set("tz", state.tz);
  if (state.metric !== base.metric) p.set("metric", state.metric);
  if (state.stacked) p.set("stacked", "1");
  if (state.smooth > 0) p.set("smooth", String(state.smooth));
  if (state.breakdown !== base.breakdown) p.set("by", state.breakdown);
  if (state.share !== base.share) p.set("share", state.share);
  for (const name of FILTERS) {
    const value = state.filters[name];
    if (value) p.set(name, value);
  }
  const text = p.toString().replaceAll("%2C", ",");
  return text ? `?${text}` : "";
}
