import { localParts, startOfWallTime } from "../../core/time/time-zone";
import type { DigestPayload } from "../../db/alert-payloads";
import type { Db } from "../../db/client";
import { topicCounts } from "../../db/queries/coverage";
import { enqueueDigest } from "../../db/queries/outbox";
import { activeSubscriptions, type SubscriptionWithTopic } from "../../db/queries/subscriptions";
import { type ArticleSummary, newestArticles } from "../../db/queries/topic-activity";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const QUARTER_MS = 900_000;

export const DIGEST_ARTICLES = 10;

export interface DueDigest {
  subscription: SubscriptionWithTopic;
  /** The subscriber's local date the digest is for, YYYY-MM-DD. */
  date: string;
  /** The instant of digestHour:00 on that date in the subscriber's zone: the end of the digest's window. */
  at: number;
}

/**
 * Which digests are due at `now`: a subscription's digest for its local date D is due once its local clock
 * has reached digestHour on D, if none was written for D yet. A late run (the server was down at 08:00) still
 * sends that day's digest the same day; a day the server missed entirely is skipped, not caught up. A
 * subscription confirmed after today's hour gets its first digest tomorrow. Pure.
 */
export function dueDigests(subs: readonly SubscriptionWithTopic[], now: number): DueDigest[] {
  const due: DueDigest[] = [];
  for (const subscription of subs) {
    const { year, month, day } = localParts(now, subscription.tz);
    const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    if (subscription.lastDigestOn !== null && subscription.lastDigestOn >= date) continue;
    // A digest hour inside a DST gap (02:00 on a spring-forward day) falls at the transition.
    const at = startOfWallTime(Date.UTC(year, month - 1, day, subscription.digestHour), subscription.tz);
    if (now < at || (subscription.confirmedAt ?? now) > at) continue;
    due.push({ subscription, date, at });
  }
  return due;
}

export interface DigestSummary {
  due: number;
  written: number;
}

/**
 * Writes one `topic.digest` outbox row per due digest, each in one transaction with the subscription's
 * lastDigestOn, so a digest is written exactly once per local day even with two processes running this.
 * Counts are the topic's articles in the 24 hours before the digest's hour and the 24 hours before that,
 * from the rollups; the articles are the topic's newest in the last 24 hours.
 */
export async function writeDigests(
  db: Db,
  due: readonly DueDigest[],
  now: number,
  articles = DIGEST_ARTICLES,
): Promise<DigestSummary> {
  const summary: DigestSummary = { due: due.length, written: 0 };
  const contents = new Map<
    string,
    Promise<{ last24h: number; previous24h: number; articles: ArticleSummary[] }>
  >();
  for (const { subscription: s, date, at } of due) {
    // Zones on the quarter-hour grid (all of them since 1970) keep `at` on it; the floor is a guard.
    const end = Math.floor(at / QUARTER_MS) * QUARTER_MS;
    const key = `${s.topicId}:${end}`;
    if (!contents.has(key)) contents.set(key, digestContent(db, s.topicId, end, articles));
    const content = await contents.get(key)!;
    const payload: DigestPayload = {
      topic: { slug: s.topicSlug, name: s.topicName },
      date,
      tz: s.tz,
      window: { from: new Date(end - DAY_MS).toISOString(), to: new Date(end).toISOString() },
      counts: { last24h: content.last24h, previous24h: content.previous24h },
      articles: content.articles,
    };
    const wrote = await enqueueDigest(db, { subscriptionId: s.id, payload, now });
    if (wrote) summary.written++;
  }
  return summary;
}

async function digestContent(db: Db, topicId: number, end: number, limit: number) {
  const counts = await topicCounts(db, { topicIds: [topicId], edges: [end - 2 * DAY_MS, end - DAY_MS, end] });
  const [previous24h = 0, last24h = 0] = counts.get(topicId) ?? [];
  const articles = await newestArticles(db, { topicId, from: end - DAY_MS, to: end, limit });
  return { last24h, previous24h, articles };
}

/** The due digests at `now`, read from the database. */
export async function findDueDigests(db: Db, now: number): Promise<DueDigest[]> {
  return dueDigests(await activeSubscriptions(db, "digest"), now);
}
