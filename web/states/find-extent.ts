import { type CoverageQuery, getCoverage, type ScopeFilters } from "../api";
import { type Extent, extentOfBuckets, monthEnd, selectionCounts } from "./data-extent";

/**
 * Where the selection (its topics, filters and zone) has coverage, to the day: one coarse probe counts by month
 * since 2000 (cheap: rollups), then the first and last month with articles are counted by day. Null when the
 * selection has no article at all.
 */
export async function findExtent(
  q: Pick<CoverageQuery, "topics" | "tz"> & ScopeFilters,
  today: string,
): Promise<Extent | null> {
  const probe = (from: string, to: string, interval: "month" | "day") =>
    getCoverage({ ...q, from, to, interval }).then((a) => extentOfBuckets(a.buckets, selectionCounts(a)));
  const months = await probe("2000-01-01", today, "month");
  if (!months) return null;
  const cap = (day: string) => (day < today ? day : today);
  const [first, last] = await Promise.all([
    probe(`${months.from}-01`, cap(monthEnd(months.from)), "day"),
    probe(`${months.to}-01`, cap(monthEnd(months.to)), "day"),
  ]);
  return { from: first?.from ?? `${months.from}-01`, to: last?.to ?? cap(monthEnd(months.to)) };
}
