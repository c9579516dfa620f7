import { detectSpike, SPIKE_RULE, type SpikeRule } from "../../core/spike-rule";
import type { SpikePayload } from "../../db/alert-payloads";
import type { Db } from "../../db/client";
import { topicCounts } from "../../db/queries/coverage";
import { enqueueSpikeAlerts } from "../../db/queries/outbox";
import { activeSubscriptions } from "../../db/queries/subscriptions";
import { newestArticles, topOutlets, topTerms } from "../../db/queries/topic-activity";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface SpikeSummary {
  /** Topics with at least one live spike subscription, checked. */
  topics: number;
  spikes: number;
  /** Outbox rows written (one per subscription of a spiking topic, at most one a day). */
  events: number;
}

/**
 * Checks every topic that has spike subscriptions and writes one `topic.spike` outbox row per subscription of
 * a topic that spikes (see spike-rule.ts). Counts come from coverage_hourly, never from scanning articles.
 * The window is the 24 hours up to the end of the current UTC hour, so each run looks at the same grid.
 *
 * At most one spike alert per topic and subscription a day: the dedupe key names the UTC date, and no row is
 * written while one from the last 24 hours exists (a spike at 23:00 is not news again at 00:05).
 */
export async function writeSpikeAlerts(
  db: Db,
  now: number,
  rule: SpikeRule = SPIKE_RULE,
): Promise<SpikeSummary> {
  const subs = await activeSubscriptions(db, "spike");
  const topics = new Map(subs.map((s) => [s.topicId, { slug: s.topicSlug, name: s.topicName }]));
  const summary: SpikeSummary = { topics: topics.size, spikes: 0, events: 0 };
  if (topics.size === 0) return summary;

  const end = (Math.floor(now / HOUR_MS) + 1) * HOUR_MS;
  const edges = Array.from(
    { length: rule.baselineDays + 2 },
    (_, i) => end - (rule.baselineDays + 1 - i) * DAY_MS,
  );
  const counts = await topicCounts(db, { topicIds: [...topics.keys()], edges });
  const date = new Date(now).toISOString().slice(0, 10);

  for (const [topicId, topic] of topics) {
    const daily = counts.get(topicId) ?? new Array<number>(rule.baselineDays + 1).fill(0);
    const verdict = detectSpike(daily[rule.baselineDays]!, daily.slice(0, rule.baselineDays), rule);
    if (!verdict.spike) continue;
    summary.spikes++;
    const window = { topicId, from: end - DAY_MS, to: end };
    const payload: SpikePayload = {
      topic,
      date,
      window: { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() },
      count: verdict.count,
      baseline: {
        days: rule.baselineDays,
        daily: daily.slice(0, rule.baselineDays),
        mean: round(verdict.mean),
        sd: round(verdict.sd),
        threshold: round(verdict.threshold),
        k: rule.k,
        minCount: rule.minCount,
      },
      topOutlets: await topOutlets(db, { ...window, limit: 5 }),
      topTerms: await topTerms(db, { ...window, limit: 10 }),
      examples: await newestArticles(db, { ...window, limit: 5 }),
    };
    summary.events += await enqueueSpikeAlerts(db, { topicId, payload, now });
  }
  return summary;
}

const round = (n: number) => Math.round(n * 100) / 100;
