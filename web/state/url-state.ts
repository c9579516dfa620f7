import type { Interval } from "../api";

/**
 * What the dashboard shows, as it lives in the address bar: a shared link reproduces the view, and back/forward
 * step through earlier views. Parsing never throws: an unknown or malformed value falls back to its default,
 * so a hand-edited link still opens, and readState says what it ignored, for the page to tell its reader.
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
/** What the coverage chart counts: articles, or stories (each story once per bucket, `unit=stories`). */
export const UNITS = ["articles", "stories"] as const;
export type Unit = (typeof UNITS)[number];
/** The API's filters, passed through as written (the API refuses unknown values with a message to show). */
export const FILTERS = ["feed", "folder", "lang", "country", "region"] as const;
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
  unit: Unit;
  /** The story whose page is open (its copies and spread), or null. */
  story: number | null;
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
    unit: "articles",
    story: null,
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const STORY_ID = /^[1-9]\d{0,14}$/;
const ZONE = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;
const FILTER_VALUE = /^[A-Za-z0-9-]{1,20}(,[A-Za-z0-9-]{1,20}){0,49}$/;
/** Folder names are the reader's own words ("Afrique & Moyen-Orient"), so any text but control characters. */
const FOLDER_VALUE = /^[^\p{Cc},]{1,100}(,[^\p{Cc},]{1,100}){0,49}$/u;

export interface ReadState {
  state: DashboardState;
  /** One line per ignored part of the link, e.g. `range=99d (not a range: 7d, 30d, 90d, 1y, all, custom)`. */
  ignored: string[];
}

const KNOWN = new Set([
  "topics",
  "range",
  "from",
  "to",
  "interval",
  "tz",
  "metric",
  "stacked",
  "smooth",
  "by",
  "unit",
  "story",
]);
for (const name of ["share", ...FILTERS]) KNOWN.add(name);

/** Reads a link's state; what is unknown or malformed falls back to its default and is listed in `ignored`. */
export function readState(search: string, browserTz: string): ReadState {
  const p = new URLSearchParams(search);
  const base = defaultState(browserTz);
  const ignored: string[] = [];
  const ignore = (name: string, value: string, why: string) =>
    ignored.push(`${name}=${shorten(value)} (${why})`);
  for (const name of new Set(p.keys()))
    if (!KNOWN.has(name)) ignore(name, p.get(name) ?? "", "not a setting");

  const pick = <T extends string | number>(name: string, options: readonly T[], parse: (v: string) => T) => {
    const raw = p.get(name);
    if (raw === null) return undefined;
    const value = parse(raw);
    if (options.includes(value)) return value;
    ignore(name, raw, `not one of ${options.join(", ")}`);
    return undefined;
  };

  const from = p.get("from");
  const to = p.get("to");
  const datesGiven = from !== null || to !== null;
  const custom = from !== null && DATE.test(from) && to !== null && DATE.test(to) && from <= to;
  const named = pick("range", RANGE_PRESETS, (v) => v as RangePreset);
  let range: RangePreset = named ?? (custom ? "custom" : base.range);
  if (range === "custom" && !custom) range = base.range;
  if (datesGiven && range !== "custom") {
    const why = custom ? "dates need range=custom" : "from and to must be dates YYYY-MM-DD, from before to";
    ignore("from/to", `${from ?? ""}..${to ?? ""}`, why);
  }

  const topics: string[] = [];
  for (const slug of (p.get("topics") ?? "").split(",").map((s) => s.trim())) {
    if (SLUG.test(slug)) topics.push(slug);
    else if (slug) ignore("topics", slug, "not a topic name");
  }

  const tzRaw = p.get("tz");
  const tz = tzRaw !== null && ZONE.test(tzRaw) && isKnownZone(tzRaw) ? tzRaw : base.tz;
  if (tzRaw !== null && tz !== tzRaw) ignore("tz", tzRaw, "not a time zone");

  const stackedRaw = p.get("stacked");
  if (stackedRaw !== null && stackedRaw !== "1" && stackedRaw !== "0")
    ignore("stacked", stackedRaw, "1 or 0");

  const filters: DashboardState["filters"] = {};
  for (const name of FILTERS) {
    const value = p.get(name);
    if (value === null) continue;
    if (name === "folder") {
      if (FOLDER_VALUE.test(value)) filters[name] = value;
      else ignore(name, value, "not a list of folder names");
    } else if (FILTER_VALUE.test(value)) filters[name] = value;
    else ignore(name, value, "not a list of codes");
  }

  const storyRaw = p.get("story");
  const story = storyRaw !== null && STORY_ID.test(storyRaw) ? Number(storyRaw) : null;
  if (storyRaw !== null && story === null) ignore("story", storyRaw, "not a story id");

  const state: DashboardState = {
    topics,
    range,
    from: range === "custom" ? from : null,
    to: range === "custom" ? to : null,
    interval: pick("interval", INTERVALS, (v) => v as Interval) ?? base.interval,
    tz,
    metric: pick("metric", METRICS, (v) => v as Metric) ?? base.metric,
    stacked: stackedRaw === "1",
    smooth: pick<number>("smooth", SMOOTHING, Number) ?? base.smooth,
    breakdown: pick("by", BREAKDOWNS, (v) => v as Breakdown) ?? base.breakdown,
    share: pick("share", BREAKDOWN_SHARES, (v) => v as BreakdownShare) ?? base.share,
    filters,
    unit: pick("unit", UNITS, (v) => v as Unit) ?? base.unit,
    story,
  };
  return { state, ignored };
}

export function parseState(search: string, browserTz: string): DashboardState {
  return readState(search, browserTz).state;
}

function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}

/** Whether Intl knows the zone: a well-formed name such as Mars/Olympus still is not one. */
function isKnownZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
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
  if (state.unit !== base.unit) p.set("unit", state.unit);
  if (state.story !== null) p.set("story", String(state.story));
  const text = p.toString().replaceAll("%2C", ",");
  return text ? `?${text}` : "";
}
