import { readState } from "./state/url-state";
import { createRangeResolver } from "./state/view-range";

/**
 * The dashboard's first request, sent as the page's first code runs: main.ts imports this module before any
 * other, so the range probe leaves before the charts' library and the panels are evaluated (about a hundred
 * milliseconds of a loaded machine's time), and the first chart's data is asked for that much sooner.
 */
export const browserTz = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
export const fromLink = readState(location.search, browserTz);
export const resolveRange = createRangeResolver();
void resolveRange(fromLink.state).catch(() => undefined);
