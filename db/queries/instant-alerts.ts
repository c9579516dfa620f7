import { sql } from "drizzle-orm";
import { type ArticleSummaryPayload, type ArticleTaggedPayload, alertPayload } from "../alert-payloads";
import type { Executor } from "../client";

/**
 * The outbox rows of instant subscriptions (outbox.ts has the rest of the outbox): one per fresh article, up
 * to an hourly cap per subscription, and past it one summary that counts the rest.
 */

/** Instant alerts are for fresh news: an article published more than this before it was first seen is backlog. */
export const FRESH_WINDOW_MS = 24 * 3_600_000;

const HOUR_MS = 3_600_000;

/**
 * Instant alerts one subscription gets one by one in any hour. Past it, a feed that dumps thousands of new
 * entries at once would send thousands of mails; the rest are folded into one `article.summary` instead. Not a
 * setting: a person reads no more than this many separate alerts an hour, and nothing is dropped either way.
 */
export const INSTANT_ALERTS_PER_HOUR = 20;

/** Articles a summary quotes; its count covers them all, the dashboard shows the rest. */
const SUMMARY_EXAMPLES = 10;

/**
 * Writes one `article.tagged` outbox row per (instant subscription, newly stored article with its topic), in
 * the caller's transaction. The rule that keeps a new feed's backlog or a retag from setting off a storm:
 * only articles stored now (never retagged ones), first seen after the subscription was made, and published
 * at most 24 hours before they were first seen. Sample articles never alert. Returns the rows to be sent.
 * The payload is built here in SQL: its shape is ArticleTaggedPayload (db/alert-payloads.ts).
 *
 * A subscription that got `cap` of them in the last hour gets the rest as `folded` rows (the delivery log
 * still lists each) counted into one pending `article.summary`, sent an hour after it was opened; later folds
 * join it until a worker first tries to send it. All of it in the caller's transaction: a crash loses no
 * article, and a retry of the store writes nothing twice (the rows' dedupe keys).
 */
export async function enqueueInstantAlerts(
  db: Executor,
  articleIds: readonly number[],
  now: number,
  cap: number = INSTANT_ALERTS_PER_HOUR,
): Promise<number> {
  if (articleIds.length === 0) return 0;
  // `recent` counts each subscription's last hour once, not once per article; `where true`: SQLite needs a
  // WHERE before ON CONFLICT when the rows come from a SELECT.
  const written = await db.all<{ id: number; subscriptionId: number; status: string }>(sql`
    with candidates as (
      select s.id as sid, a.id as aid,
        json_object(
          'topic', json_object('slug', tp.slug, 'name', tp.name),
          'article', json_object(
            'id', a.id, 'title', a.title, 'url', a.url, 'summary', a.summary, 'lang', a.lang,
            'source', json_object('id', f.id, 'name', f.name),
            'publishedAt', strftime('%Y-%m-%dT%H:%M:%fZ', a.published_at / 1000.0, 'unixepoch'),
            'terms', json(t.terms))) as payload,
        row_number() over (partition by s.id order by a.id) as n
      from article_topics t
      join subscriptions s on s.topic_id = t.topic_id and s.mode = 'instant'
        and s.confirmed_at is not null and s.cancelled_at is null and s.created_at <= a.first_seen_at
      join articles a on a.id = t.article_id
      join feeds f on f.id = a.feed_id
      join topics tp on tp.id = t.topic_id
      where t.article_id in (select value from json_each(${JSON.stringify(articleIds)}))
        and a.is_sample = 0 and a.published_at >= a.first_seen_at - ${FRESH_WINDOW_MS}
        and not exists (select 1 from alert_events d
          where d.subscription_id = s.id and d.dedupe_key = 'article:' || a.id)
    ),
    recent as (
      select sid, (select count(*) from alert_events e
          where e.subscription_id = sid and e.type = 'article.tagged' and e.status <> 'folded'
            and e.created_at > ${now - HOUR_MS}) as sent
      from (select distinct sid from candidates)
    )
    insert into alert_events (subscription_id, type, dedupe_key, payload, status, next_attempt_at, created_at)
    select c.sid, 'article.tagged', 'article:' || c.aid, c.payload,
      case when c.n + r.sent <= ${cap} then 'pending' else 'folded' end, ${now}, ${now}
    from candidates c join recent r on r.sid = c.sid
    where true
    on conflict (subscription_id, dedupe_key) do nothing
    returning id, subscription_id as subscriptionId, status`);
  const folded = new Map<number, number[]>();
  for (const row of written) {
    if (row.status !== "folded") continue;
    const ids = folded.get(Number(row.subscriptionId)) ?? [];
    ids.push(Number(row.id));
    folded.set(Number(row.subscriptionId), ids);
  }
  let summaries = 0;
  for (const [subscriptionId, eventIds] of folded) {
    if (await foldIntoSummary(db, { subscriptionId, eventIds, now, cap })) summaries++;
  }
  return written.length - [...folded.values()].reduce((sum, ids) => sum + ids.length, 0) + summaries;
}

/**
 * Counts folded events into the subscription's open summary (pending, never tried: what a receiver gets must
 * not change between tries), or opens one due in an hour. True when it opened one.
 */
async function foldIntoSummary(
  db: Executor,
  fold: { subscriptionId: number; eventIds: number[]; now: number; cap: number },
): Promise<boolean> {
  const { subscriptionId, eventIds, now, cap } = fold;
  const ids = JSON.stringify(eventIds);
  const quoted = await db.all<{ payload: string }>(sql`
    select payload from alert_events where id in (select value from json_each(${ids}))
    order by id limit ${SUMMARY_EXAMPLES}`);
  const tagged = quoted.map((row) => JSON.parse(row.payload) as ArticleTaggedPayload);
  const examples = tagged.map(({ article }) => ({
    id: article.id,
    title: article.title,
    url: article.url,
    source: article.source,
    publishedAt: article.publishedAt,
  }));
  const open = await db.all<{ id: number; payload: string }>(sql`
    select id, payload from alert_events
    where subscription_id = ${subscriptionId} and type = 'article.summary' and status = 'pending'
      and attempts = 0 and lease_until is null
    order by id desc limit 1`);
  let summaryId: number | undefined;
  let opened = false;
  if (open[0]) {
    const before = JSON.parse(open[0].payload) as ArticleSummaryPayload;
    const after: ArticleSummaryPayload = {
      ...before,
      count: before.count + eventIds.length,
      articles: [...before.articles, ...examples].slice(0, SUMMARY_EXAMPLES),
    };
    const updated = await db.run(sql`
      update alert_events set payload = ${JSON.stringify(after)}
      where id = ${open[0].id} and status = 'pending' and attempts = 0 and lease_until is null`);
    if (updated.rowsAffected > 0) summaryId = Number(open[0].id);
  }
  if (summaryId === undefined) {
    const topic = tagged[0]?.topic ?? { slug: "", name: "" };
    const { payload } = alertPayload("article.summary", {
      topic,
      window: { from: new Date(now).toISOString(), to: new Date(now + HOUR_MS).toISOString() },
      count: eventIds.length,
      cap,
      articles: examples,
    });
    const inserted = await db.all<{ id: number }>(sql`
      insert into alert_events (subscription_id, type, dedupe_key, payload, next_attempt_at, created_at)
      values (${subscriptionId}, 'article.summary', ${`summary:${eventIds[0]}`}, ${JSON.stringify(payload)},
        ${now + HOUR_MS}, ${now})
      returning id`);
    summaryId = Number(inserted[0]!.id);
    opened = true;
  }
  await db.run(sql`
    update alert_events set last_error = ${`folded into the summary ${messageIdOf(summaryId)}`}
    where id in (select value from json_each(${ids}))`);
  return opened;
}

/** The webhook-id receivers see (jobs/alerts/alert-message.ts makes the same from an event id). */
function messageIdOf(eventId: number): string {
  return `msg_${eventId}`;
}
