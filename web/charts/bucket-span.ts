import { planBuckets } from "../../core/time/time-buckets";
import type { Coverage } from "../api";

/**
 * The UTC instants a bucket covers, for listing its articles: the same bucket plan the server counted with
 * (shared pure code), so a drill-down lists exactly the articles behind the number. `to` is inclusive, as
 * GET /api/articles takes it: one millisecond before the next bucket starts.
 */
export function bucketSpan(coverage: Coverage, index: number): { from: string; to: string } {
  const { edges } = planBuckets({
    from: coverage.from,
    to: coverage.to,
    interval: coverage.interval,
    tz: coverage.tz,
  });
  const start = edges[index] ?? edges[0]!;
  const end = edges[index + 1] ?? edges[edges.length - 1]!;
  return { from: new Date(start).toISOString(), to: new Date(end - 1).toISOString() };
}

/** The whole range of a response, as instants. */
export function rangeSpan(coverage: Pick<Coverage, "from" | "to" | "interval" | "tz">): {
  from: string;
  to: string;
  edges: number[];
} {
  const { edges } = planBuckets({
    from: coverage.from,
    to: coverage.to,
    interval: coverage.interval,
    tz: coverage.tz,
  });
  return {
    from: new Date(edges[0]!).toISOString(),
    to: new Date(edges[edges.length - 1]! - 1).toISOString(),
    edges,
  };
}
