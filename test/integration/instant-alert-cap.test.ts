import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { INSTANT_ALERTS_PER_HOUR } from "../../db/queries/instant-alerts";
import { createTopic } from "../../db/queries/topics";
import { alertEvents, subscriptions } from "../../db/schema";
import { channelRegistry } from "../../jobs/alerts/channel-registry";
import { createEmailChannel } from "../../jobs/alerts/channels/email";
import { deliverDueAlerts } from "../../jobs/alerts/deliver";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestApp, type TestApp } from "../helpers/app";
import { makeArticle, makeFeed } from "../helpers/factories";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";

const PUBLIC_URL = "http://tidemark.test";
const HOUR = 3_600_000;
const CAP = INSTANT_ALERTS_PER_HOUR;

describe("instant email alerts from a feed that dumps hundreds of entries", { timeout: 120_000 }, () => {
  let sink: SmtpSink;
  let api: TestApp;
  let channel: ReturnType<typeof createEmailChannel>;
  const start = Date.now();
  beforeEach(async () => {
    sink = await startSmtpSink();
    api = await createTestApp({ SMTP_URL: sink.url, TIDEMARK_PUBLIC_URL: PUBLIC_URL });
    channel = createEmailChannel({ smtpUrl: sink.url, mailFrom: "Tidemark <alerts@tidemark.test>" });
    const topic = await createTopic(api.t.db, {
      slug: "nvidia",
      name: "Nvidia",
      color: "#000000",
      query: "nvidia",
    });
    await api.t.db.insert(subscriptions).values({
      topicId: topic.id,
      channel: "email",
      mode: "instant",
      email: "reader@example.org",
      token: "tok",
      createdAt: start - HOUR,
      confirmedAt: start - HOUR,
    });
  });
  afterEach(async () => {
    channel.close();
    await sink.close();
    api.t.destroy();
  });

  const deliver = (at: number) =>
    deliverDueAlerts({
      db: api.t.db,
      log: pino({ level: "silent" }),
      publicUrl: PUBLIC_URL,
      channels: channelRegistry([channel]),
      now: () => at,
    });
  const stories = (prefix: string, n: number, at: number) =>
    Array.from({ length: n }, (_, i) =>
      makeArticle({
        title: `Nvidia ${prefix} ${i}`,
        url: `https://wire.example/${prefix}/${i}`,
        publishedAt: at - HOUR,
      }),
    );
  const store = async (feedId: number, articles: ReturnType<typeof makeArticle>[], at: number) =>
    storeFeedArticles(api.t.db, { feedId, articles, state: {}, now: at, tagger: new TopicTagger() });
  const byStatus = async () => {
    const rows = await api.t.db.select().from(alertEvents);
    const count = (type: string, status: string) =>
      rows.filter((r) => r.type === type && r.status === status).length;
    return {
      sent: count("article.tagged", "delivered"),
      pending: count("article.tagged", "pending"),
      folded: count("article.tagged", "folded"),
      summaries: rows
        .filter((r) => r.type === "article.summary")
        .map((r) => [r.status, (r.payload as { count: number }).count]),
    };
  };

  it("sends the first ones one by one, folds the rest into one summary an hour later, and loses or repeats none", async () => {
    const feed = await makeFeed(api.t.db, { name: "Wire" });
    const dump = stories("dump", 300, start);
    await store(feed.id, dump, start);
    // The same document again, as after a restart mid-pass: nothing new is written.
    await store(feed.id, dump, start + 60_000);

    expect(await deliver(start + 60_000)).toMatchObject({ delivered: CAP, failed: 0 });
    await sink.waitFor(CAP);
    expect(sink.mails.every((m) => m.subject.startsWith("[Tidemark] Nvidia: Nvidia dump"))).toBe(true);
    expect(await byStatus()).toEqual({
      sent: CAP,
      pending: 0,
      folded: 300 - CAP,
      summaries: [["pending", 300 - CAP]],
    });

    // More within the hour join the open summary.
    await store(feed.id, stories("later", 5, start + 10 * 60_000), start + 10 * 60_000);
    expect(await deliver(start + 30 * 60_000)).toMatchObject({ delivered: 0 });
    expect((await byStatus()).summaries).toEqual([["pending", 305 - CAP]]);

    // An hour after it opened, one message carries them all.
    expect(await deliver(start + HOUR + 1)).toMatchObject({ delivered: 1 });
    await sink.waitFor(CAP + 1);
    const summary = sink.mails[CAP]!;
    expect(summary.subject).toBe(`[Tidemark] Nvidia: ${305 - CAP} more new articles`);
    expect(summary.text).toContain(`Nvidia dump ${CAP}`);
    expect(summary.text).toContain(`than the ${CAP} an hour sent one by one`);
    expect(await byStatus()).toEqual({
      sent: CAP,
      pending: 0,
      folded: 305 - CAP,
      summaries: [["delivered", 305 - CAP]],
    });

    // The next hour starts afresh, one by one again.
    await store(feed.id, stories("next", 3, start + 2 * HOUR), start + 2 * HOUR);
    expect(await deliver(start + 2 * HOUR)).toMatchObject({ delivered: 3 });
    expect(sink.mails).toHaveLength(CAP + 4);
    const log = await api.t.db.select().from(alertEvents);
    const folded = log.find((r) => r.status === "folded")!;
    const summaryRow = log.find((r) => r.type === "article.summary")!;
    expect(folded.lastError).toBe(`folded into the summary msg_${summaryRow.id}`);
  });
});
