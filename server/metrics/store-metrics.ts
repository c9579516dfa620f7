import type { Db } from "../../db/client";
import { type FeedTotals, feedTotals, lastIngestPass } from "../../db/queries/metrics";
import type { MetricFamily } from "./exposition";
import { type IngestTotals, IngestTotalsReader } from "./ingest-totals";

const gauge = (name: string, help: string, samples: MetricFamily["samples"]): MetricFamily => ({
  name,
  help,
  type: "gauge",
  samples,
});
const counter = (name: string, help: string, samples: MetricFamily["samples"]): MetricFamily => ({
  name,
  help,
  type: "counter",
  samples,
});

/**
 * What the database says at scrape time: stored articles and feeds, and ingest passes summed from job_runs, so
 * a pass run by the CLI or by another server counts as much as one run here. The counters only grow while
 * job_runs rows are kept.
 */
export function storeMetrics(db: Db): () => Promise<MetricFamily[]> {
  const ingest = new IngestTotalsReader(db);
  return async () => {
    const [feeds, runs, last] = await Promise.all([feedTotals(db), ingest.read(), lastIngestPass(db)]);
    return [...feedFamilies(feeds), ...ingestFamilies(runs, last)];
  };
}

function feedFamilies(feeds: FeedTotals[]): MetricFamily[] {
  const bySample = (pick: (f: FeedTotals | undefined) => number) =>
    [false, true].map((sample) => ({
      labels: { sample: String(sample) },
      value: pick(feeds.find((f) => f.sample === sample)),
    }));
  return [
    gauge(
      "tidemark_articles",
      "Articles stored, by whether they are bundled sample data.",
      bySample((f) => f?.articles ?? 0),
    ),
    gauge(
      "tidemark_feeds",
      "Feeds configured, by whether they hold sample data.",
      bySample((f) => f?.feeds ?? 0),
    ),
    gauge("tidemark_feeds_failing", "Enabled feeds whose last fetch failed.", [
      { value: feeds.reduce((total, f) => total + f.failing, 0) },
    ]),
  ];
}

function ingestFamilies(
  runs: IngestTotals,
  last: { finishedAt: number; durationMs: number } | undefined,
): MetricFamily[] {
  return [
    counter(
      "tidemark_ingest_passes_total",
      "Finished ingest passes, by every process on this database, by status.",
      [
        { labels: { status: "ok" }, value: runs.passes.ok },
        { labels: { status: "failed" }, value: runs.passes.failed },
      ],
    ),
    counter("tidemark_ingest_feeds_total", "Feeds handled by ingest passes, by outcome.", [
      { labels: { outcome: "stored" }, value: runs.feeds.stored },
      { labels: { outcome: "not_modified" }, value: runs.feeds.notModified },
      { labels: { outcome: "failed" }, value: runs.feeds.failed },
    ]),
    counter("tidemark_ingest_articles_added_total", "New articles stored by ingest passes.", [
      { value: runs.articlesAdded },
    ]),
    counter("tidemark_ingest_articles_updated_total", "Stored articles whose headline or summary changed.", [
      { value: runs.articlesUpdated },
    ]),
    counter(
      "tidemark_ingest_fetch_failures_total",
      "Feeds that could not be read in a pass, by kind of failure.",
      [...runs.failuresByKind]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([kind, value]) => ({ labels: { kind }, value })),
    ),
    {
      name: "tidemark_ingest_pass_duration_seconds",
      help: "Wall time of finished ingest passes.",
      type: "summary",
      samples: [
        { suffix: "_sum", value: runs.durationMsSum / 1000 },
        { suffix: "_count", value: runs.passes.ok + runs.passes.failed },
      ],
    },
    gauge(
      "tidemark_ingest_last_pass_duration_seconds",
      "Wall time of the most recent finished ingest pass.",
      [{ value: last ? last.durationMs / 1000 : 0 }],
    ),
    gauge(
      "tidemark_ingest_last_pass_timestamp_seconds",
      "When the most recent ingest pass finished (0: never).",
      [{ value: last ? last.finishedAt / 1000 : 0 }],
    ),
  ];
}
