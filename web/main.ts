// First, so the first chart's first request leaves before the rest of the page's code is evaluated.
import "./first-request";
import { readAdminToken } from "./admin-token";
import { setupSubscribe } from "./alerts/subscribe-panel";
import {
  type Coverage,
  type CoverageQuery,
  coverageCsvUrl,
  type Fetching,
  getCoverage,
  getTopics,
  type Topic,
} from "./api";
import { ArticleList } from "./articles/list";
import { type ListMode, listCaption, listQuery } from "./articles/list-scope";
import { setupSearchScope } from "./articles/search-scope";
import { BreakdownChart, type BreakdownRow, breakdownRows } from "./charts/breakdown";
import { breakdownTable } from "./charts/breakdown-table";
import { bucketSpan, rangeSpan } from "./charts/bucket-span";
import { CoverageChart } from "./charts/coverage";
import { browserTz, fromLink, requestView, resolveRange, takeFirstView } from "./first-request";
import "./charts/draw-marks";
import { coverageTable } from "./charts/data-table";
import { seriesColor } from "./charts/palette";
import { changeLine, periodChanges } from "./charts/period-change";
import { spikeList } from "./charts/spike-notes";
import { timelineList } from "./charts/timeline-notes";
import { setupControls } from "./controls";
import { byId, h } from "./element";
import { viewUrl } from "./export/caption";
import { setupExport } from "./export/export-buttons";
import { bucketLabel, formatCount } from "./format";
import { startLive } from "./live";
import { Overview } from "./overview/overview-cards";
import { setupPhoneLayout } from "./overview/phone-layout";
import { setupPeople } from "./people-panel";
import { setupPrint } from "./print/print";
import { currentSession, isSignedInAdmin } from "./session";
import { reveal, setupShortcuts } from "./shortcuts/shortcuts";
import { setupSources } from "./sources";
import { SpreadTimeline } from "./spread/spread-timeline";
import { todayIn } from "./state/date-range";
import { showLinkNote } from "./state/link-note";
import { type DashboardState, parseState, serializeState } from "./state/url-state";
import { coverageQuery } from "./state/view-range";
import { type Extent, isEmpty } from "./states/data-extent";
import { FigureState } from "./states/figure-state";
import { findExtent } from "./states/find-extent";
import { emptyText, extentText, partialText } from "./states/state-text";
import { showStoreNotice } from "./store-notice";
import type { StoryPage } from "./stories/story-page";
import type { ViewPanels } from "./stories/view-panels";
import { onThemeChange, setupThemeSwitch } from "./theme/theme";
import { NO_MARKS, type Timeline, tableNotes, timelineMarks } from "./timeline";
import { setupTopicsPanel } from "./topics/topics-panel";
import { writeToken } from "./write-access";

const locale = navigator.language || "en";

let state = fromLink.state;
let topics = new Map<string, Topic>();
let coverage: Coverage | null = null;
/** The story events and ingest outages of the range `coverage` covers, fetched beside it. */
let timeline: Timeline = { events: [], outages: [] };
/** Where the current chart marks them, for its data table. */
let marks = NO_MARKS;
/** The breakdown's bars as drawn, to redraw them in a new theme's colours. */
let breakdownShown: BreakdownRow[] = [];
let loadSeq = 0;
let firstChart = true;
/** Settles once the first chart is drawn (or has failed): the rest of the page is set up after it. */
let firstChartSettled: () => void = () => undefined;
const firstChartDone = new Promise<void>((settle) => {
  firstChartSettled = settle;
});
// The topic list (each topic with its article count) is asked for once the first chart's data is in: on a
// large store it is a slow answer, and asked beside them it held up the first chart's requests on the server.
let topicsRequest: Promise<Topic[]> | undefined;
const topicsArrive = (): Promise<Topic[]> => {
  topicsRequest ??= getTopics();
  return topicsRequest;
};

const coverageFigure = byId("coverage-figure");
const breakdownFigure = byId("breakdown-figure");
const summary = byId("coverage-summary");
const periodChange = byId("period-change");
const tableDetails = byId<HTMLDetailsElement>("table-details");
const tableWrap = byId("table-wrap");
const articlesContext = byId("articles-context");
const timelineNotes = byId("timeline-notes");
const figureState = new FigureState(coverageFigure);
const overview = new Overview(byId("overview-cards"));
const spread = new SpreadTimeline(byId("spread"));
/** The stories and terms panels, loaded after the first chart and breakdown (see showPanels). */
let panels: Promise<ViewPanels> | undefined;
setupPhoneLayout();
/** What the article list shows when no point is picked: the view's newest articles, or a search in it. */
let listMode: ListMode = { kind: "range" };
/** The list shows a picked point or bar: a live refresh leaves it, a change of view replaces it. */
let drilled = false;

const chart = new CoverageChart(byId<HTMLCanvasElement>("coverage-chart"), (s, b) => void drillBucket(s, b));
const breakdown = new BreakdownChart(byId<HTMLCanvasElement>("breakdown-chart"), (row) => void drillRow(row));
const articles = new ArticleList(
  byId<HTMLOListElement>("article-list"),
  byId("articles-status"),
  byId<HTMLButtonElement>("articles-more"),
  () => ({ topics, tz: state.tz, locale }),
);

/** What the charts show now, as the queries behind them: a control that changes neither asks for neither. */
let mainKey = "";
let breakdownKey = "";
/** The spread and list queries last asked for, so a new interval or smoothing does not ask for them again. */
let spreadKey = "";
let listKey = "";
/** The current view's requests: a newer view aborts them, so stale answers neither arrive nor queue. */
let inFlight: AbortController | null = null;

/**
 * `fresh` when something is known to have changed (a live article, a retry): revalidate instead of reusing
 * answers. `quiet` (a live article): no loading message over a chart that is about to gain a point.
 */
async function load(fresh = false, quiet = false): Promise<void> {
  const seq = ++loadSeq;
  inFlight?.abort();
  // The panels of a view the reader has left are not asked for.
  clearTimeout(panelsTimer);
  const abort = new AbortController();
  inFlight = abort;
  const fetching = { fresh, signal: abort.signal };
  const s = state;
  try {
    const first = fresh ? null : takeFirstView(s);
    const range = first ? (await first).range : await resolveRange(s);
    shownRange = range;
    controls?.show(s, range.from, range.to);
    const query = coverageQuery(s, range);
    const key = JSON.stringify(query);
    const mainChanged = fresh || coverage === null || key !== mainKey;
    const split = breakdownQuery(s, query);
    const splitKey = JSON.stringify(split);
    const breakdownChanged = fresh || splitKey !== breakdownKey || breakdownFigure.dataset.state !== "ready";
    if (mainChanged) figureState.loading(quiet);
    if (breakdownChanged) breakdownFigure.dataset.state = "loading";
    const viewRequest = mainChanged ? (first ?? requestView(s, fetching)) : null;
    viewRequest?.catch(() => undefined);
    // The first chart asks for the breakdown only once it is drawn: on a large store the breakdown is the
    // slower query, and the first chart should not queue behind it. Later views ask for both, the chart's
    // first: with one read worker free (the other on a slow read), the chart then does not wait for a
    // breakdown (400 ms at a million articles in a zone off UTC's day edges).
    const splitRequest =
      breakdownChanged && !firstChart
        ? (viewRequest ?? Promise.resolve()).then(() => requestBreakdown(split, fetching))
        : null;
    splitRequest?.catch(() => undefined);
    let drawn: Coverage | null = null;
    if (viewRequest) {
      byId<HTMLAnchorElement>("export-csv").href = coverageCsvUrl(query);
      const view = await viewRequest;
      const [main, marked] = await Promise.all([view.coverage, view.timeline]);
      void topicsArrive().catch(() => undefined);
      if (seq !== loadSeq) return;
      coverage = main;
      timeline = marked;
      mainKey = key;
      drawn = main;
      drawCoverage();
      if (firstChart) {
        firstChart = false;
        requestAnimationFrame(() => {
          performance.mark("tidemark:first-chart");
          firstChartSettled();
        });
      }
      showSpread(main, fresh);
      // The list follows the view; only a live refresh leaves a picked point's articles in place.
      if (!(fresh && drilled)) void showList(fresh);
    }
    if (breakdownChanged) {
      const answer = await (splitRequest ?? requestBreakdown(split, fetching));
      if (seq !== loadSeq) return;
      const rows = breakdownRows(answer);
      breakdownShown = rows;
      breakdownKey = splitKey;
      breakdown.update(rows, locale, answer.by);
      byId("breakdown-table").replaceChildren(breakdownTable(rows, answer, locale));
      breakdownFigure.dataset.state = "ready";
      if (performance.getEntriesByName("tidemark:breakdown").length === 0)
        performance.mark("tidemark:breakdown");
    }
    // Asked after the chart and the breakdown, so neither queues behind them, only when the view changed, and
    // once it has held still (see SETTLE_MS).
    clearTimeout(panelsTimer);
    if (drawn) {
      const shown = drawn;
      panelsTimer = setTimeout(() => void showPanels(s, shown, firstTopic(shown), fresh), SETTLE_MS);
    }
  } catch (error) {
    firstChartSettled();
    if (seq !== loadSeq) return;
    // The previous view's lines must not stay drawn under the message as if they were this view's.
    coverage = null;
    mainKey = "";
    breakdownKey = "";
    chart.clear();
    overview.clear();
    clearTimeout(spreadTimer);
    clearTimeout(panelsTimer);
    spread.hide();
    spreadKey = "";
    void panels?.then((p) => p.clear());
    figureState.partial(null);
    breakdownFigure.dataset.state = "error";
    figureState.error((error as Error).message, () => void load(true));
    summary.textContent = `Could not load coverage: ${(error as Error).message}`;
  }
}

/** The breakdown's request for a state over the main chart's query; the topic list is filled in when needed. */
function breakdownQuery(s: DashboardState, query: CoverageQuery): CoverageQuery & { everyTopic: boolean } {
  // Without topics a breakdown counts every article, which is each group's whole coverage: its share of
  // itself would be 100% everywhere, so the share view names every topic to ask "how much was about them".
  const everyTopic = s.share === "group" && s.topics.length === 0;
  return {
    ...query,
    // The bars are each group's total over the range, the same whatever the buckets for articles: monthly ones
    // have the fewest edges, which off UTC's day edges are the costly part of the read (a year in Tokyo: 13
    // edges, not 366). A story counts once per bucket, so stories keep the chart's buckets.
    interval: query.unit === "stories" ? query.interval : "month",
    smooth: undefined,
    compare: undefined,
    by: s.breakdown,
    top: 8,
    share: s.share,
    everyTopic,
  };
}

async function requestBreakdown(
  { everyTopic, ...query }: ReturnType<typeof breakdownQuery>,
  fetching: Fetching,
): Promise<Coverage> {
  const topicList = everyTopic ? (await topicsArrive()).map((t) => t.slug) : query.topics;
  return getCoverage({ ...query, topics: topicList }, fetching);
}

/**
 * The first topic's spread over the answer's days, asked for again only when those changed, and only once the
 * view has held still for a moment: at a million articles a year's spread is seconds of a read worker (which
 * an aborted request does not stop), so a reader flipping through ranges would queue one per flip in front
 * of the charts' own requests. Below the fold, it can come a little later.
 */
/** The topic the spread, terms and most-run stories are about: the first chosen, or the chart's first series. */
function firstTopic(main: Coverage): { slug: string; name: string } | null {
  const slug = state.topics[0] ?? main.series[0]?.key;
  if (!slug) return null;
  return { slug, name: main.series.find((x) => x.key === slug)?.label ?? slug };
}

function showSpread(main: Coverage, fresh: boolean): void {
  clearTimeout(spreadTimer);
  const topic = firstTopic(main);
  if (!topic) {
    spread.hide();
    spreadKey = "";
    return;
  }
  const { slug, name } = topic;
  const where = { from: main.from, to: main.to, tz: main.tz, ...state.filters };
  const key = JSON.stringify({ slug, where });
  if (!fresh && key === spreadKey) return;
  spreadKey = key;
  const view = { slug, name, query: where, locale };
  spreadTimer = setTimeout(() => void spread.show(view, fresh), SETTLE_MS);
}

/**
 * How long a view holds still before its slow reads (the spread, stories, terms: seconds of a read worker at a
 * million articles, which an aborted request does not stop) are asked for. The first view's too: a reader who
 * reloads or leaves at once then leaves none running in front of the next page's chart (the dashboard bench's
 * navigations met them: first charts from 363 to 639 ms).
 */
const SETTLE_MS = 500;
let spreadTimer: ReturnType<typeof setTimeout> | undefined;
let panelsTimer: ReturnType<typeof setTimeout> | undefined;

function drawCoverage(): void {
  if (!coverage) return;
  const c = coverage;
  const { edges } = rangeSpan(c);
  marks = timelineMarks(timeline, edges, Date.now());
  const changes = periodChanges(c, locale);
  chart.update({
    coverage: c,
    metric: state.metric,
    stacked: state.stacked,
    locale,
    events: marks.events,
    spikes: c.series.map((s) => s.spikes),
    outages: marks.outages,
  });
  periodChange.replaceChildren(
    ...changes.map((x, i) => {
      const swatch = h("span", { class: "swatch", "aria-hidden": "true" });
      swatch.style.background = seriesColor(i, x.key, c.series[i]?.color);
      return h("li", { "data-key": x.key, "data-change": x.change ?? "" }, swatch, changeLine(x, locale));
    }),
  );
  timelineNotes.replaceChildren(
    ...timelineList(timeline.events, marks.outages, c.tz, locale),
    ...spikeList(c, locale),
    timeline.failed ? h("li", {}, `Events and outages could not be loaded: ${timeline.failed}`) : "",
  );
  const total = c.totals.reduce((a, b) => a + b, 0);
  const tagged = c.series.map(
    (s) =>
      `${s.label} ${formatCount(
        s.counts.reduce((a, b) => a + b, 0),
        locale,
      )}`,
  );
  const unit = state.unit === "stories" ? "stories" : "articles";
  summary.textContent = `${bucketLabel(c.from, "day", locale, "long")} – ${bucketLabel(c.to, "day", locale, "long")} (${c.tz})${filterNote(state)}: ${formatCount(total, locale)} ${unit} in all; ${tagged.join(" · ")}.`;
  if (tableDetails.open) renderTable();
  overview.update(c, locale);
  figureState.partial(partialText(marks.outages, c.buckets.length, c.interval));
  if (isEmpty(c)) void showEmpty(c);
  else figureState.ready();
}

const extentsOfSelection = new Map<string, Promise<Extent | null>>();

/** The empty state, then where the selection's coverage lies, with a button that switches the range there. */
async function showEmpty(c: Coverage): Promise<void> {
  const seq = loadSeq;
  const filtered = Object.values(state.filters).some(Boolean);
  figureState.empty(emptyText(filtered));
  const selection = { topics: state.topics, tz: c.tz, ...state.filters };
  const key = JSON.stringify(selection);
  let extent = extentsOfSelection.get(key);
  if (!extent) {
    extent = findExtent(selection, todayIn(c.tz, Date.now())).catch(() => null);
    extentsOfSelection.set(key, extent);
  }
  const found = await extent;
  if (seq !== loadSeq || coverage !== c) return;
  if (!found) {
    figureState.empty(emptyText(filtered), undefined);
    return;
  }
  figureState.empty(emptyText(filtered), {
    text: extentText(found, locale),
    action: "Show it",
    show: () => navigate((s) => ({ ...s, range: "custom", from: found.from, to: found.to })),
  });
}

/** ", only country DE, region south": the filters every number of the view is narrowed by. */
function filterNote(s: DashboardState): string {
  const parts = Object.entries(s.filters).map(([name, value]) => `${name} ${value.replaceAll(",", ", ")}`);
  return parts.length > 0 ? `, only ${parts.join("; ")}` : "";
}

function renderTable(): void {
  const c = coverage;
  if (!c) return;
  const notes = tableNotes(marks, c.tz, locale);
  tableWrap.replaceChildren(coverageTable(c, state.metric, locale, (s, b) => void drillBucket(s, b), notes));
}

/** Lists the articles behind one point: its topic, its bucket's exact instants. */
async function drillBucket(seriesIndex: number, bucketIndex: number): Promise<void> {
  const c = coverage;
  const series = c?.series[seriesIndex];
  if (!c || !series) return;
  const span = bucketSpan(c, bucketIndex);
  drilled = true;
  articlesContext.textContent = `${series.label}, ${bucketLabel(c.buckets[bucketIndex] ?? "", c.interval, locale, "long")}`;
  focusArticles();
  await articles.show({ ...state.filters, topic: series.key, ...span });
}

async function drillRow(row: BreakdownRow): Promise<void> {
  if (!coverage) return;
  const span = rangeSpan(coverage);
  const topic = state.topics.length === 1 ? state.topics[0] : undefined;
  const filter =
    state.breakdown === "feed" && /^\d+$/.test(row.key)
      ? { feed: row.key }
      : state.breakdown === "lang" && /^([a-z]{2,3}|unknown)$/.test(row.key)
        ? { lang: row.key }
        : state.breakdown === "region" && /^global-(north|south)$/.test(row.key)
          ? { region: row.key.slice("global-".length) }
          : null;
  if (!filter) {
    articlesContext.textContent = `${row.label}: the article list cannot filter by this yet.`;
    return;
  }
  drilled = true;
  articlesContext.textContent = `${row.label}, ${coverage.from} to ${coverage.to}${topic ? `, ${topics.get(topic)?.name ?? topic}` : ""}`;
  focusArticles();
  await articles.show({ ...state.filters, ...filter, topic, from: span.from, to: span.to });
}

/**
 * The list of the view (its topics, range, filters and zone): its newest articles, or the search in it.
 * `force` false: not asked again when the view's list is already shown (a new interval or smoothing).
 */
async function showList(force = true): Promise<void> {
  const c = coverage;
  if (!c) return;
  const wasDrilled = drilled;
  drilled = false;
  const list = topics.size > 0 ? [...topics.values()] : await topicsArrive().catch(() => []);
  if (coverage !== c) return;
  const scope = { state, topics: list, dates: { from: c.from, to: c.to }, span: rangeSpan(c) };
  const query = listQuery(listMode, scope);
  const key = JSON.stringify(query);
  if (!force && !wasDrilled && key === listKey) return;
  listKey = key;
  articlesContext.textContent = listCaption(listMode, scope, locale);
  await articles.show(query);
}

/** The view's largest stories, and the first topic's distinctive terms and most-run stories. */
async function showPanels(
  s: DashboardState,
  c: Coverage,
  first: { slug: string; name: string } | null,
  fresh: boolean,
): Promise<void> {
  panels ??= import("./stories/view-panels").then(({ createViewPanels }) =>
    createViewPanels({
      locale,
      storyHref,
      openStory: (id) => navigate((now) => ({ ...now, story: id })),
      searchTerm: (search, slug) => void searchTerm(search, slug),
    }),
  );
  // No topics chosen is every topic, as in the chart: a story is in the view when one of its copies is tagged.
  const slugs = s.topics.length > 0 ? s.topics : (await topicsArrive().catch(() => [])).map((t) => t.slug);
  const shown = await panels.catch((error: unknown) => {
    panels = undefined;
    throw error;
  });
  if (s !== state || coverage !== c) return;
  shown.show({ state: s, coverage: c, first, topics: slugs, fresh });
}

/** The dashboard link that opens a story's page over the current view. */
function storyHref(id: number): string {
  return `${location.pathname}${serializeState({ ...state, story: id }, browserTz)}`;
}

let storyPage: StoryPage | undefined;

/** The story page of the state's `story`, loaded on first use (its code is not in the first bundle). */
async function showStory(fresh = false): Promise<void> {
  const root = byId("story-page");
  const id = state.story;
  if (id === null) {
    storyPage?.hide();
    root.hidden = true;
    return;
  }
  try {
    const { StoryPage } = await import("./stories/story-page");
    storyPage ??= new StoryPage(root, () => navigate((s) => ({ ...s, story: null })));
  } catch (error) {
    root.hidden = false;
    root.dataset.state = "error";
    root.textContent = `The story page could not be loaded: ${(error as Error).message}`;
    return;
  }
  if (state.story === id) await storyPage.show({ id, tz: state.tz, locale }, fresh);
}

/** A distinctive term's link: the first topic's articles that use it, in the article list. */
async function searchTerm(search: string, slug: string): Promise<void> {
  byId<HTMLInputElement>("q").value = search;
  listMode = { kind: "search", q: search, everywhere: false, topic: slug };
  focusArticles();
  await showList();
}

function focusArticles(): void {
  byId("articles-title").focus({ preventScroll: true });
  const still = matchMedia("(prefers-reduced-motion: reduce)").matches;
  byId("articles").scrollIntoView({ behavior: still ? "auto" : "smooth", block: "start" });
}

function navigate(change: (s: DashboardState) => DashboardState): void {
  const next = change(state);
  const search = serializeState(next, browserTz);
  if (search === serializeState(state, browserTz)) return;
  const redrawOnly = next.metric !== state.metric || next.stacked !== state.stacked;
  const sameQuery =
    redrawOnly &&
    serializeState({ ...next, metric: state.metric, stacked: state.stacked }, browserTz) ===
      serializeState(state, browserTz);
  const storyOnly =
    serializeState({ ...next, story: state.story }, browserTz) === serializeState(state, browserTz);
  const storyMoves = next.story !== state.story || (next.story !== null && next.tz !== state.tz);
  state = next;
  history.pushState(null, "", `${location.pathname}${search}${location.hash}`);
  if (storyMoves) void showStory();
  if (storyOnly) return;
  if (sameQuery) {
    drawCoverage();
    controls?.show(state, coverage?.from ?? "", coverage?.to ?? "");
  } else void load();
}

let controls: ReturnType<typeof setupControls> | undefined;
let shownRange = { from: "", to: "" };

async function start(): Promise<void> {
  // What the link held that the view ignored goes out of the address bar too, so a re-shared link is clean.
  if (fromLink.ignored.length > 0)
    history.replaceState(null, "", `${location.pathname}${serializeState(state, browserTz)}${location.hash}`);
  // The first chart needs no topic list: its request leaves at once, and the controls catch up.
  const firstLoad = load();
  void showStory();
  setupThemeSwitch(byId<HTMLButtonElement>("theme-switch"));
  const { openHelp } = setupShortcuts([
    { key: "/", does: "Search the articles", run: () => reveal(byId("q")) },
    {
      key: "t",
      does: "Choose the topics",
      run: () => reveal(document.querySelector("#topic-toggles input")),
    },
  ]);
  byId("shortcuts-button").addEventListener("click", openHelp);
  // Building the controls, sources and stream would hold the main thread while the chart's data arrives.
  await firstChartDone;
  const list = await topicsArrive();
  topics = new Map(list.map((t) => [t.slug, t]));
  controls = setupControls(list, navigate);
  const known = state.topics.filter((slug) => topics.has(slug));
  const gone = state.topics
    .filter((slug) => !topics.has(slug))
    .map((slug) => `topics=${slug} (no such topic)`);
  showLinkNote(document.querySelector("main")!, [...fromLink.ignored, ...gone]);
  if (known.length !== state.topics.length) {
    // A shared link naming a topic since deleted: drop it rather than show an error.
    state = { ...state, topics: known };
    history.replaceState(null, "", `${location.pathname}${serializeState(state, browserTz)}${location.hash}`);
    void load();
  } else {
    controls.show(state, shownRange.from, shownRange.to);
  }
  window.addEventListener("popstate", () => {
    const before = state;
    state = parseState(location.search, browserTz);
    controls?.show(state, shownRange.from, shownRange.to);
    if (state.story !== before.story || state.tz !== before.tz) void showStory();
    if (serializeState({ ...state, story: before.story }, browserTz) !== serializeState(before, browserTz))
      void load();
  });
  tableDetails.addEventListener("toggle", () => tableDetails.open && renderTable());
  setupExport(
    { png: byId<HTMLButtonElement>("export-png"), svg: byId<HTMLButtonElement>("export-svg") },
    () =>
      coverage && {
        canvas: byId<HTMLCanvasElement>("coverage-chart"),
        coverage,
        query: coverageQuery(state, coverage),
        marks: { ...marks, spikes: coverage.series.map((s) => s.spikes) },
        metric: state.metric,
        smooth: state.smooth,
        filters: state.filters,
        // The zone is always in a shared link: its caption names it, so the link must not move it.
        viewUrl: viewUrl(location.origin, serializeState(state, "")),
        locale,
      },
    (message) => {
      summary.textContent = message;
    },
  );
  setupPrint(
    [tableDetails, ...document.querySelectorAll<HTMLDetailsElement>("#breakdown details")],
    renderTable,
  );
  const searchScope = setupSearchScope(() => {
    if (listMode.kind !== "search") return;
    listMode = { ...listMode, everywhere: searchScope.everywhere() };
    void showList();
  });
  byId<HTMLFormElement>("search").addEventListener("submit", (event) => {
    event.preventDefault();
    const q = byId<HTMLInputElement>("q").value.trim();
    listMode = q ? { kind: "search", q, everywhere: searchScope.everywhere() } : { kind: "range" };
    void showList();
  });
  onThemeChange(() => {
    drawCoverage();
    breakdown.update(breakdownShown, locale, state.breakdown);
  });
  const people = setupPeople(() => ({ tz: state.tz, locale }));
  const sources = setupSources(() => ({ tz: state.tz, locale }), showStoreNotice);
  // Who may write is known once the session is: then the topics panel and the feeds' buttons are drawn for it.
  void people.then(() => {
    setupTopicsPanel(byId("topics-manage"), { context: () => ({ tz: state.tz, locale }), writeToken });
    return currentSession().user ? sources.reload() : undefined;
  });
  setupSubscribe(list, {
    tz: browserTz,
    // "" (no token, but a signed-in admin): the write goes with the session's CSRF token instead.
    adminToken: () =>
      byId<HTMLInputElement>("admin-token").value.trim() ||
      readAdminToken() ||
      (isSignedInAdmin() ? "" : null),
    askForToken: () => {
      byId<HTMLDetailsElement>("admin-details").open = true;
      byId("admin-token").focus();
    },
  });
  const stopLive = startLive(
    byId<HTMLOListElement>("live-list"),
    byId("live-status"),
    () => ({ topics, tz: state.tz, locale }),
    () => void load(true, true),
  );
  window.addEventListener("pagehide", () => {
    stopLive();
    chart.destroy();
    breakdown.destroy();
  });
  await Promise.all([firstLoad, sources.reload()]);
}

// The end of the page's own code, evaluated after the chart library's: the first chart's request has left by now
// (web/first-request.ts), as the browser tests check.
performance.mark("tidemark:page-code");

start().catch((error: unknown) => {
  summary.textContent = `The dashboard could not start: ${(error as Error).message}`;
  coverageFigure.dataset.state = "error";
});
