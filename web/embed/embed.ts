import { type Coverage, getCoverage, getTopics } from "../api";
import { rangeSpan } from "../charts/bucket-span";
import { readTheme } from "../charts/chart-theme";
import { seriesColor, visibleOn } from "../charts/palette";
import { byId, h } from "../element";
import { chartCaption, type OutletCount, viewUrl } from "../export/caption";
import { loadOutletCount } from "../export/outlets";
import { readDataSpan } from "../state/data-span";
import { showLinkNote } from "../state/link-note";
import { type DashboardState, readState, serializeState } from "../state/url-state";
import { coverageQuery, createRangeResolver } from "../state/view-range";
import { onThemeChange } from "../theme/theme";
import { loadTimeline, type Timeline, timelineMarks } from "../timeline";
import "./embed.css";
import { SvgLineChart } from "./svg-chart";

/**
 * `/embed`: the coverage chart of a dashboard link, alone, for an iframe in an article. It reads the same URL
 * state as `/`, draws it as SVG with the dashboard's axis rules, colours and tooltip words (without Chart.js, so
 * its bundle stays small), and only ever reads: no controls, no live stream, no writes. Its caption is the
 * exports' caption.
 */
const browserTz = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
const locale = navigator.language || "en";
const fromLink = readState(location.search, browserTz);

const figure = byId("embed-figure");
const status = byId("embed-status");
const chart = new SvgLineChart(
  document.querySelector<SVGSVGElement>("#embed-chart")!,
  byId("embed-tip"),
  byId("embed-readout"),
);
const resolveRange = createRangeResolver(readDataSpan());

interface Shown {
  state: DashboardState;
  coverage: Coverage;
  timeline: Timeline;
  outlets: OutletCount | null;
}

async function loadView(state: DashboardState) {
  const query = coverageQuery(state, await resolveRange(state));
  const [coverage, timeline] = await Promise.all([getCoverage(query), loadTimeline(query)]);
  return { query, coverage, timeline };
}

/** The link's view; a topic deleted since the link was made is dropped (and named in the note) as in `/`. */
async function loadLinked(): Promise<{ state: DashboardState; view: Awaited<ReturnType<typeof loadView>> }> {
  const state = fromLink.state;
  try {
    return { state, view: await loadView(state) };
  } catch (error) {
    // Asked only now: the topic list is needed only when the link names a topic that no longer exists, and
    // on a large store it is a slow answer that would hold up the server's first chart data.
    const topics = await getTopics().catch(() => null);
    const known = new Set(topics?.map((t) => t.slug));
    if (!topics || state.topics.every((slug) => known.has(slug))) throw error;
    const kept = { ...state, topics: state.topics.filter((slug) => known.has(slug)) };
    return { state: kept, view: await loadView(kept) };
  }
}

function draw(shown: Shown): void {
  const { coverage, timeline, state } = shown;
  const marks = timelineMarks(timeline, rangeSpan(coverage).edges, Date.now());
  const theme = readTheme();
  chart.update({
    coverage,
    metric: state.metric,
    stacked: state.stacked,
    locale,
    colors: seriesColors(coverage, theme.dark),
    events: marks.events,
    spikes: coverage.series.map((s) => s.spikes),
    outages: marks.outages,
    theme,
  });
  showCaption(shown);
}

/** Each series' colour as the dashboard draws it: the theme may lighten one that would vanish on the page. */
function seriesColors(coverage: Coverage, dark: boolean): string[] {
  return coverage.series.map((s, i) => visibleOn(seriesColor(i, s.key, s.color), dark));
}

function showCaption(shown: Shown): void {
  const { coverage, state } = shown;
  const caption = chartCaption({
    coverage,
    metric: state.metric,
    unit: state.unit,
    smooth: state.smooth,
    filters: state.filters,
    colors: seriesColors(coverage, readTheme().dark),
    outlets: shown.outlets,
    viewUrl: viewUrl(location.origin, serializeState(state, "")),
    locale,
  });
  byId("embed-title").textContent = caption.title;
  byId("embed-range").textContent = caption.range;
  byId("embed-legend").replaceChildren(
    ...caption.legend.map((item) => {
      const swatch = h("span", { class: "embed-swatch", "aria-hidden": "true" });
      swatch.style.background = item.color;
      return h("li", {}, swatch, item.label);
    }),
  );
  byId("embed-source").textContent = caption.source;
  byId<HTMLAnchorElement>("embed-link").href = caption.url;
}

async function start(): Promise<void> {
  const { state, view } = await loadLinked();
  const gone = fromLink.state.topics.filter((slug) => !state.topics.includes(slug));
  showLinkNote(figure, [...fromLink.ignored, ...gone.map((slug) => `topics=${slug} (no such topic)`)]);
  const shown: Shown = { state, coverage: view.coverage, timeline: view.timeline, outlets: null };
  draw(shown);
  const total = view.coverage.totals.reduce((a, b) => a + b, 0);
  status.textContent = total === 0 ? "No articles in this range." : "";
  status.hidden = total > 0;
  figure.dataset.state = "ready";
  requestAnimationFrame(() => performance.mark("tidemark:first-chart"));
  onThemeChange(() => draw(shown));
  // The source line's numbers come after the chart: a reader looks at the lines first.
  shown.outlets = await loadOutletCount(view.query);
  showCaption(shown);
}

start().catch((error: unknown) => {
  figure.dataset.state = "error";
  status.hidden = false;
  status.textContent = `Could not load coverage: ${(error as Error).message}`;
});
