import type { ArticleSummary, OutletCount, TermCount } from "./queries/topic-activity";
import type { AlertEvent, MatchedTermRow, Subscription } from "./schema";

/**
 * The outbox's payload per event type. The payload column itself stays loose JSON (rows are data on disk, and
 * channels read them defensively); these types are the contract of every writer and reader, and the two
 * functions below are the only way in and out, so a payload cannot be built or read with another type's shape.
 */

export interface TopicRef {
  slug: string;
  name: string;
}

export interface WindowRef {
  from: string;
  to: string;
}

/** An article as alerts quote it (spike examples, digest lists). */
export type AlertArticle = ArticleSummary;

/** `article.tagged`: built by SQL in db/queries/instant-alerts.ts (enqueueInstantAlerts), from the stored rows. */
export interface ArticleTaggedPayload {
  topic: TopicRef;
  article: AlertArticle & { summary: string; lang: string | null; terms: MatchedTermRow[] };
}

/**
 * `article.summary`: the instant alerts of one subscription past its hourly cap, folded into one message sent
 * when the hour is over. `count` is every folded article; `articles` the first few of them.
 */
export interface ArticleSummaryPayload {
  topic: TopicRef;
  window: WindowRef;
  count: number;
  /** Articles sent one by one per hour before the rest are folded. */
  cap: number;
  articles: AlertArticle[];
}

/**
 * `topic.spike`: a day the spike rule (core/spike-rule.ts) marks, in the subscriber's zone, with the same
 * numbers the dashboard shows for that day at interval=day in that zone (`view`).
 */
export interface SpikePayload {
  topic: TopicRef;
  /** The day that spiked, YYYY-MM-DD in `tz`: the bucket the chart marks. */
  date: string;
  tz: string;
  /** That day's instants (its end may be ahead: the day is still running). */
  window: WindowRef;
  /** The day's articles when the alert was written (today's count so far). */
  count: number;
  baseline: {
    /** The baseline's days, first and last (YYYY-MM-DD in tz), and their counts. */
    from: string;
    to: string;
    days: number;
    daily: number[];
    /** Days between the baseline and the spike day that the rule skips. */
    guard: number;
    mean: number;
    sd: number;
    /** The smallest count that is a spike; `pValue` is P(count at least this high) under the baseline. */
    threshold: number;
    pValue: number;
    alpha: number;
    minCount: number;
  };
  /** The dashboard view that draws this mark: the baseline and the day, daily, in tz. */
  view: { interval: "day"; tz: string; from: string; to: string };
  topOutlets: OutletCount[];
  topTerms: TermCount[];
  examples: AlertArticle[];
}

export interface DigestPayload {
  topic: TopicRef;
  /** The subscriber's local date, YYYY-MM-DD. */
  date: string;
  tz: string;
  window: WindowRef;
  counts: { last24h: number; previous24h: number };
  articles: AlertArticle[];
}

export interface ConfirmPayload {
  topic: TopicRef;
  mode: Subscription["mode"];
  digestHour: number;
  tz: string;
}

export interface AlertPayloads {
  "article.tagged": ArticleTaggedPayload;
  "article.summary": ArticleSummaryPayload;
  "topic.spike": SpikePayload;
  "topic.digest": DigestPayload;
  "subscription.confirm": ConfirmPayload;
}

export type AlertType = keyof AlertPayloads;

/** An event's type with its payload: switch on `type` and the payload's shape follows. */
export type TypedAlert = { [K in AlertType]: { type: K; payload: AlertPayloads[K] } }[AlertType];

// Every type the table allows has a payload type, and no other: a new event type fails to compile here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const everyTypeHasAPayload: Same<AlertType, AlertEvent["type"]> = true;
void everyTypeHasAPayload;

/** The one way to write a payload: the type and its shape are checked together. */
export function alertPayload<K extends AlertType>(
  type: K,
  payload: AlertPayloads[K],
): { type: K; payload: Record<string, unknown> } {
  return { type, payload: payload as unknown as Record<string, unknown> };
}

/**
 * The one way to read one. Rows are trusted as written by alertPayload (or, for `article.tagged`, by the SQL
 * that the outbox tests check against ArticleTaggedPayload); hand-made rows may still lack fields, so readers
 * that render for people keep their own guards.
 */
export function readAlertPayload(event: Pick<AlertEvent, "type" | "payload">): TypedAlert {
  return { type: event.type, payload: event.payload } as unknown as TypedAlert;
}
