import { leadInPlan } from "../../core/coverage/series-spikes";
import { markSpikes, SPIKE_RULES, type Spike } from "../../core/spike-rule";
import { calendarRange } from "../../core/time/date-range";
import { type BucketPlan, planBuckets } from "../../core/time/time-buckets";
import type { SpikePayload } from "../../db/alert-payloads";
import type { Db } from "../../db/client";
import { topicCounts } from "../../db/queries/coverage";
import { enqueueSpikeAlerts } from "../../db/queries/outbox";
import { activeSubscriptions } from "../../db/queries/subscriptions";
import { newestArticles, topOutlets, topTerms } from "../../db/queries/topic-activity";

/** Spike alerts judge days: the chart's interval=day in the subscriber's zone, with that interval's rule. */
const RULE = SPIKE_RULES.day;

export interface SpikeSummary {
  /** Topics with at least one live spike subscription, checked. */
  topics: number;
  /** Spike days found (a topic judged in two zones can count twice). */
  spikes: number;
  /** Outbox rows written (one per subscription and spike day). */
  events: number;
}

/**
 * Writes one `topic.spike` outbox row per subscription and day that the spike rule marks, judging exactly what
 * /api/coverage?interval=day&tz=<the subscription's zone> marks: the same daily counts from the rollups, the
 * same baseline read from before, the same function (core/spike-rule.ts markSpikes). Today is judged on its
 * count so far, and its threshold is fixed by the days before it, so the alert goes out as soon as the day
 * crosses it and the chart marks the day from then on. Yesterday is judged again, for articles that arrived
 * late; each day alerts once (the outbox's dedupe key names it).
 */
export async function writeSpikeAlerts(db: Db, now: number): Promise<SpikeSummary> {
  const subs = await activeSubscriptions(db, "spike");
  const zones = new Map<string, Map<number, { slug: string; name: string }>>();
  for (const s of subs) {
    const topics = zones.get(s.tz) ?? new Map<number, { slug: string; name: string }>();
    topics.set(s.topicId, { slug: s.topicSlug, name: s.topicName });
    zones.set(s.tz, topics);
  }
  const summary: SpikeSummary = { topics: new Set(subs.map((s) => s.topicId)).size, spikes: 0, events: 0 };

  for (const [tz, topics] of zones) {
    const days = judgedDays(now, tz);
    const lead = days && leadInPlan(days, RULE);
    if (!days || !lead) continue;
    const topicIds = [...topics.keys()];
    // Topic 0 is every article: days with nothing stored are no baseline (see spike-rule.ts).
    const counted = await topicCounts(db, { topicIds: [0, ...topicIds], edges: days.edges });
    const before = await topicCounts(db, { topicIds: [0, ...topicIds], edges: lead.edges });
    const zeros = (n: number) => new Array<number>(n).fill(0);
    const totals = {
      leadIn: before.get(0) ?? zeros(lead.labels.length),
      counts: counted.get(0) ?? zeros(days.labels.length),
    };
    for (const [topicId, topic] of topics) {
      const leadIn = before.get(topicId) ?? zeros(lead.labels.length);
      const counts = counted.get(topicId) ?? zeros(days.labels.length);
      for (const spike of markSpikes(counts, days.labels, leadIn, RULE, totals)) {
        summary.spikes++;
        const series = { labels: [...lead.labels, ...days.labels], counts: [...leadIn, ...counts] };
        const payload = await spikePayload(db, { topicId, topic, tz, days, series, spike });
        summary.events += await enqueueSpikeAlerts(db, { topicId, payload, now });
      }
    }
  }
  return summary;
}

/** Yesterday and today in the zone, as /api/coverage would plan them; null for a zone that is no longer one. */
function judgedDays(now: number, tz: string): BucketPlan | null {
  try {
    return planBuckets({ ...calendarRange({}, tz, { now, days: 2 }), interval: "day", tz });
  } catch {
    return null;
  }
}

async function spikePayload(
  db: Db,
  s: {
    topicId: number;
    topic: { slug: string; name: string };
    tz: string;
    days: BucketPlan;
    /** The lead-in and the judged days, labels and counts. */
    series: { labels: string[]; counts: number[] };
    spike: Spike;
  },
): Promise<SpikePayload> {
  const { spike, days, series } = s;
  const window = { topicId: s.topicId, from: days.edges[spike.index]!, to: days.edges[spike.index + 1]! };
  // The baseline's own days: those before the spike day, less the guard days just before it, from the first
  // day anything was stored (spike.baselineBuckets of them), so `daily` is exactly what `mean` averages.
  const end = series.labels.length - days.labels.length + spike.index - RULE.guard;
  const start = end - spike.baselineBuckets;
  return {
    topic: s.topic,
    date: spike.bucket,
    tz: s.tz,
    window: { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() },
    count: spike.count,
    baseline: {
      from: series.labels[start]!,
      to: series.labels[end - 1]!,
      days: spike.baselineBuckets,
      daily: series.counts.slice(start, end),
      guard: RULE.guard,
      mean: spike.baseline,
      sd: spike.sd,
      threshold: spike.threshold,
      pValue: spike.pValue,
      alpha: RULE.alpha,
      minCount: RULE.minCount,
    },
    view: { interval: "day", tz: s.tz, from: series.labels[start]!, to: spike.bucket },
    topOutlets: await topOutlets(db, { ...window, limit: 5 }),
    topTerms: await topTerms(db, { ...window, limit: 10 }),
    examples: await newestArticles(db, { ...window, limit: 5 }),
  };
}
