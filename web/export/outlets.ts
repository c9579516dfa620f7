import { type CoverageQuery, getCoverage } from "../api";
import { type OutletCount, outletCount } from "./caption";

/** The most outlets the API names in a breakdown; past it, "other" holds the rest and the count is "more than". */
const MOST_NAMED = 50;

/**
 * How many articles the view holds and from how many outlets: one by=feed breakdown of the same query. A
 * failure leaves the source line without numbers rather than failing the chart it annotates.
 */
export async function loadOutletCount(query: CoverageQuery): Promise<OutletCount | null> {
  try {
    const byFeed = await getCoverage({
      ...query,
      smooth: undefined,
      compare: undefined,
      // The source line counts articles and outlets whatever the chart counts.
      unit: undefined,
      by: "feed",
      top: MOST_NAMED,
    });
    return outletCount(byFeed);
  } catch {
    return null;
  }
}
