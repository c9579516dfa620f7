import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ArticleTaggedPayload, type ConfirmPayload, readAlertPayload } from "../../db/alert-payloads";
import { createSubscription } from "../../db/queries/subscriptions";
import { createTopic } from "../../db/queries/topics";
import { alertEvents, subscriptions } from "../../db/schema";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeArticle, makeFeed } from "../helpers/factories";

const HOUR = 3_600_000;
const now = Date.UTC(2025, 0, 27, 12);

/** The keys and value kinds of a JSON value, all the way down (an array by its first item). */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return [value.length > 0 ? shape(value[0]) : "empty"];
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shape(v)]),
    );
  }
  return value === null ? "null" : typeof value;
}

describe("alert payloads", () => {
  let t: TestDatabase;
  let topicId: number;
  beforeEach(async () => {
    t = await createTestDatabase();
    topicId = (await createTopic(t.db, { slug: "nvidia", name: "Nvidia", color: "#000000", query: "nvidia" }))
      .id;
  });
  afterEach(() => t.destroy());

  it("article.tagged, built in SQL, has exactly the shape of its type", async () => {
    await t.db.insert(subscriptions).values({
      topicId,
      channel: "webhook",
      mode: "instant",
      url: "https://hooks.example/x",
      token: "tok",
      createdAt: now - HOUR,
      confirmedAt: now - HOUR,
    });
    const feed = await makeFeed(t.db, { name: "Reuters" });
    const article = makeArticle({ title: "Nvidia loses $589bn", publishedAt: now - HOUR });
    await storeFeedArticles(t.db, {
      feedId: feed.id,
      articles: [article],
      state: {},
      now,
      tagger: new TopicTagger(),
    });
    const [row] = await t.db.select().from(alertEvents);
    const alert = readAlertPayload(row!);
    expect(alert.type).toBe("article.tagged");
    const typed: ArticleTaggedPayload = {
      topic: { slug: "nvidia", name: "Nvidia" },
      article: {
        id: 1,
        title: article.title,
        url: "https://news.example.com/x",
        summary: article.summary,
        lang: "en",
        source: { id: feed.id, name: "Reuters" },
        publishedAt: new Date(article.publishedAt).toISOString(),
        terms: [{ term: "nvidia", field: "title", start: 0, end: 6 }],
      },
    };
    expect(shape(alert.payload)).toEqual(shape(typed));
  });

  it("subscription.confirm is written through its type", async () => {
    await createSubscription(
      t.db,
      {
        topicId,
        channel: "email",
        mode: "digest",
        email: "r@example.org",
        token: "tok",
        digestHour: 7,
        tz: "UTC",
      },
      { slug: "nvidia", name: "Nvidia" },
      now,
    );
    const [row] = await t.db.select().from(alertEvents);
    const typed: ConfirmPayload = {
      topic: { slug: "nvidia", name: "Nvidia" },
      mode: "digest",
      digestHour: 7,
      tz: "UTC",
    };
    expect(readAlertPayload(row!)).toEqual({ type: "subscription.confirm", payload: typed });
  });
});
