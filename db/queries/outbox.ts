import { sql } from "drizzle-orm";
import type { Executor } from "../client";

/** Instant alerts are for fresh news: an article published more than this before it was first seen is backlog. */
export const FRESH_WINDOW_MS = 24 * 3_600_000;

/**
 * Writes one `article.tagged` outbox row per (instant subscription, newly stored article with its topic), in
 * the caller's transaction. The rule that keeps a new feed's backlog or a retag from setting off a storm:
 * only articles stored now (never retagged ones), first seen after the subscription was made, and published
 * at most 24 hours before they were first seen. Sample articles never alert. Returns the rows written.
 */
export async function enqueueInstantAlerts(
  db: Executor,
  articleIds: readonly number[],
  now: number,
): Promise<number> {
  if (articleIds.length === 0) return 0;
  const result = await db.run(sql`
    insert into alert_events (subscription_id, type, dedupe_key, payload, next_attempt_at, created_at)
    select s.id, 'article.tagged', 'article:' || a.id,
      json_object(
        'topic', json_object('slug', tp.slug, 'name', tp.name),
        'article', json_object(
          'id', a.id, 'title', a.title, 'url', a.url, 'summary', a.summary, 'lang', a.lang,
          'source', json_object('id', f.id, 'name', f.name),
          'publishedAt', strftime('%Y-%m-%dT%H:%M:%fZ', a.published_at / 1000.0, 'unixepoch'),
          'terms', json(t.terms))),
      ${now}, ${now}
    from article_topics t
    join subscriptions s on s.topic_id = t.topic_id and s.mode = 'instant'
      and s.confirmed_at is not null and s.cancelled_at is null and s.created_at <= a.first_seen_at
    join articles a on a.id = t.article_id
    join feeds f on f.id = a.feed_id
    join topics tp on tp.id = t.topic_id
    where t.article_id in (select value from json_each(${JSON.stringify(articleIds)}))
      and a.is_sample = 0 and a.published_at >= a.first_seen_at - ${FRESH_WINDOW_MS}
    on conflict (subscription_id, dedupe_key) do nothing`);
  return result.rowsAffected;
}
