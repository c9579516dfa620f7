import { createHash } from "node:crypto";
import { type CountPlan, planCounts } from "../../core/coverage/count-plan";
import {
  type CountedSeries,
  chooseTopics,
  countablePlan,
  coveragePlan,
  coverageResponse,
  previousPeriod,
  seriesOf,
  withGroupsOf,
} from "../../core/coverage/coverage-request";
import { countryOf, hasScopeFilter, NO_SCOPE, resolveScope } from "../../core/coverage/coverage-scope";
import { type CoverageBy, type ShareOf, toCsv } from "../../core/coverage/coverage-series";
import { previousPlan } from "../../core/coverage/previous-period";
import { regionOf } from "../../core/coverage/regions";
import { leadInPlan, withSpikes } from "../../core/coverage/series-spikes";
import { DomainError } from "../../core/errors";
import { SPIKE_RULES } from "../../core/spike-rule";
import type { BucketPlan, Interval } from "../../core/time/time-buckets";
import type { Executor } from "../../db/client";
import { type CoverageCounts, countCoverage } from "../../db/queries/coverage";
import { listFeeds } from "../../db/queries/feeds";
import { countStoryCoverage } from "../../db/queries/story-coverage";
import { listTopicNames } from "../../db/queries/topics";

/** The validated query of GET /api/coverage (server/routes/coverage.ts), as plain data a worker can be sent. */
export interface CoverageQuery {
  topics?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  interval: Interval;
  tz: string;
  by: CoverageBy;
  smooth?: number | undefined;
  top: number;
  format: "json" | "csv";
  feed?: string | undefined;
  folder?: string | undefined;
  lang?: string | undefined;
  country?: string | undefined;
  region?: string | undefined;
  share: ShareOf;
  compare?: "previous" | undefined;
  unit: "articles" | "stories";
}

/**
 * A coverage answer: the JSON body as the text to send with its ETag, or the CSV with its file name;
 * `countedFrom` names the store. The text and its hash are made where the answer is (a read worker), so the HTTP
 * thread neither clones a structured answer across threads, nor stringifies it, nor hashes it: measured under
 * 20 connections, those were most of its work per request.
 */
export type CoverageAnswer =
  | { format: "json"; json: string; etag: string; countedFrom: string }
  | { format: "csv"; csv: string; filename: string; countedFrom: string };

/**
 * Every number of one coverage answer, read and computed in the calling thread: the server's read workers run
 * this (server/reads/read-pool.ts), the tests and a `:memory:` database run it in-process.
 */
export async function answerCoverage(db: Executor, q: CoverageQuery, now: number): Promise<CoverageAnswer> {
  if (q.share === "group" && q.by === "topic") {
    throw invalid("share: share=group needs by=feed, lang, country or region (each group's own articles)");
  }
  const chosen = chooseTopics(await listTopicNames(db), q.topics);
  const plan = coveragePlan(q, now);
  const filtered = hasScopeFilter(q);
  const storyRegions = q.unit === "stories" && q.by === "region";
  const feeds = filtered || q.by === "feed" || storyRegions ? await listFeeds(db) : [];
  const counting = planCounts({
    by: q.by,
    // A breakdown that names no topics splits every article, so its series add up to the totals.
    topics: q.by !== "topic" && !q.topics?.trim() ? "every" : chosen.map((t) => t.id),
    scope: filtered ? resolveScope(q, feeds) : NO_SCOPE,
    groupTotals: q.share === "group",
  });
  const names = new Map(feeds.map((f) => [String(f.id), f.name ?? f.url]));
  const label = (id: string) => names.get(id);
  const regionKeys = storyRegions
    ? new Map(feeds.map((f) => [f.id, regionCountry(countryOf(f))]))
    : undefined;
  const counted = (edges: number[]) =>
    q.unit === "stories"
      ? countStoryCoverage(db, counting, edges, regionKeys)
      : countCoverage(db, counting, edges);
  const count = async (p: BucketPlan): Promise<CountedSeries> =>
    seriesOf(q.by, chosen, await counted(p.edges), p.labels.length, label);
  const rule = SPIKE_RULES[plan.interval];
  const lead = q.format === "json" ? leadInPlan(plan, rule) : null;
  // The spike rule's lead-in usually ends where the range starts: then both are one count, half the reads.
  const joined =
    lead && lead.edges[lead.edges.length - 1] === plan.edges[0]
      ? splitCounts(await counted([...lead.edges, ...plan.edges.slice(1)]), lead.labels.length)
      : null;
  const countRange = async (): Promise<CountedSeries> =>
    joined ? seriesOf(q.by, chosen, joined.after, plan.labels.length, label) : count(plan);
  const before = q.compare === "previous" ? countablePlan(previousPlan(plan)) : undefined;
  const current = await countRange();
  const earlier = before ? await count(before) : undefined;
  const series =
    earlier && q.by !== "topic"
      ? withGroupsOf(current.series, earlier.series, plan.labels.length)
      : current.series;
  const body = coverageResponse(plan, q.by, current.totals, series, {
    top: q.top,
    smooth: q.smooth,
    share: q.share,
  });
  if (before && earlier) body.previous = previousPeriod(body, before, earlier.totals, earlier.series);
  const countedFrom = q.unit === "stories" ? "stories" : countedFromOf(counting);
  if (q.format === "csv") {
    return {
      format: "csv",
      csv: toCsv(body),
      filename: `tidemark-coverage-${plan.from}-${plan.to}.csv`,
      countedFrom,
    };
  }
  // The lead-in is counted like the range (same topics, filters and store), so the first buckets' baselines
  // are what a longer request would have shown.
  const leadIn: CountedSeries = !lead
    ? { series: [], totals: [] }
    : joined
      ? seriesOf(q.by, chosen, joined.before, lead.labels.length, label)
      : await count(lead);
  const stored = { leadIn: leadIn.totals, counts: current.totals };
  const marked = withSpikes(body.series, plan.labels, leadIn.series, rule, stored);
  const colors = new Map(chosen.map((t) => [t.slug, t.color]));
  const coloured = marked.map((s) => (q.by === "topic" ? { ...s, color: colors.get(s.key) } : s));
  const json = JSON.stringify({ ...body, series: coloured });
  return { format: "json", json, etag: `"${createHash("sha1").update(json).digest("hex")}"`, countedFrom };
}

/** Counts of joined bucket lists, cut after the first `n` buckets. */
function splitCounts(counts: CoverageCounts, n: number): { before: CoverageCounts; after: CoverageCounts } {
  const cut = (map: Map<string, number[]> | undefined, from: number, to?: number) =>
    map && new Map([...map].map(([key, values]) => [key, values.slice(from, to)]));
  const part = (from: number, to?: number): CoverageCounts => ({
    totals: counts.totals.slice(from, to),
    series: cut(counts.series, from, to)!,
    ...(counts.groupTotals ? { groupTotals: cut(counts.groupTotals, from, to) } : {}),
  });
  return { before: part(0, n), after: part(n) };
}

/** Which store answered the series (see core/coverage/count-plan.ts), for whoever checks a number's origin. */
function countedFromOf(plan: CountPlan): string {
  return plan.source === "sets"
    ? "topic-set-rollups"
    : plan.source === "detail"
      ? "detail-rollups"
      : "rollups";
}

/**
 * unit=stories by=region counts a story once per region, so it is keyed by region in SQL; the breakdown then folds
 * countries into regions, so each region is keyed by one country of it (and unknown by "").
 */
function regionCountry(country: string): string {
  const region = regionOf(country || null);
  return region === "global-north" ? "DE" : region === "global-south" ? "BR" : "";
}

// Not server/errors.ts or api-shapes.ts: a read worker loads this module, and those bring Hono and zod-openapi
// into every worker's heap for one constructor.
const invalid = (message: string) => new DomainError("invalid_request", message);
