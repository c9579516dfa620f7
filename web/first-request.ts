import { type Coverage, type CoverageQuery, type Fetching, getCoverage } from "./api";
import { readDataSpan } from "./state/data-span";
import { type DashboardState, readState } from "./state/url-state";
import { coverageQuery, createRangeResolver, type DateSpan, knownRange } from "./state/view-range";
import { loadTimeline, type Timeline } from "./timeline";

/**
 * The dashboard's first requests, sent as the page's first code runs: main.ts imports this module before any
 * other, so the first chart's data (its coverage, events and outages) is asked for before the charts' library
 * and the panels are evaluated, and arrives while they are. The page carries where the data lies
 * (web/state/data-span.ts), so "All" needs no probe first.
 */
export const browserTz = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
export const fromLink = readState(location.search, browserTz);
const dataSpan = readDataSpan();
export const resolveRange = createRangeResolver(dataSpan);

export interface ViewRequests {
  state: DashboardState;
  range: DateSpan;
  query: CoverageQuery;
  coverage: Promise<Coverage>;
  timeline: Promise<Timeline>;
}

/**
 * The main chart's requests for a state, all in flight at once. Sent in this call when the range needs no probe:
 * the first view's call runs as this module is evaluated, and a continuation after an await would run only once
 * every module of the page has been (the chart library included), measured at 100 ms or more of the first chart.
 */
export function requestView(state: DashboardState, fetching: Fetching = {}): Promise<ViewRequests> {
  const known = knownRange(dataSpan, state);
  if (known) return Promise.resolve(sendView(state, known, fetching));
  return resolveRange(state).then((range) => sendView(state, range, fetching));
}

function sendView(state: DashboardState, range: DateSpan, fetching: Fetching): ViewRequests {
  const query = coverageQuery(state, range);
  const coverage = getCoverage(query, fetching);
  // Whoever takes the requests awaits them; until then a failure must not surface as unhandled.
  coverage.catch(() => undefined);
  return { state, range, query, coverage, timeline: loadTimeline(query, fetching) };
}

let first: Promise<ViewRequests> | null = requestView(fromLink.state);
first.catch(() => undefined);

/** The link's view's requests, sent at start: once, to the first load of that very state. */
export function takeFirstView(state: DashboardState): Promise<ViewRequests> | null {
  const taken = state === fromLink.state ? first : null;
  first = null;
  return taken;
}
