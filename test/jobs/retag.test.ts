import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTopic, getTopic, listTopics, updateTopic } from "../../db/queries/topics";
import { articleTopics } from "../../db/schema";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { retagTopics } from "../../jobs/topics/retag";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeArticle, makeFeed } from "../helpers/factories";

describe("tagging and retagging", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(() => t.destroy());

  const titles = [
    "Nvidia shares plunge as DeepSeek rattles investors",
    "Mistral releases a new open model",
    "Nvidia unveils GeForce RTX 5090",
    "Mistral AI raises funds in Paris",
    "Huawei Ascend 910C enters mass production",
  ];

  async function store(list: string[]) {
    const feed = await makeFeed(t.db);
    return storeFeedArticles(t.db, {
      feedId: feed.id,
      articles: list.map((title) => makeArticle({ title, summary: "" })),
      state: {},
      now: Date.now(),
      tagger: new TopicTagger(),
    });
  }
  const tagsOf = async (slug: string) => {
    const topic = (await getTopic(t.db, slug))!;
    return t.db.select().from(articleTopics).where(eq(articleTopics.topicId, topic.id));
  };

  it("tags articles as they are stored and keeps the matched terms with their positions", async () => {
    await createTopic(t.db, {
      slug: "nvidia",
      name: "Nvidia",
      color: "#000000",
      query: "nvidia AND (shares OR stock*)",
    });
    const result = await store(titles);
    expect(result.tags).toHaveLength(1);
    const [tag] = await tagsOf("nvidia");
    expect(tag!.terms).toEqual(
      expect.arrayContaining([
        { term: "nvidia", field: "title", start: 0, end: 6 },
        { term: "shares", field: "title", start: 7, end: 13 },
      ]),
    );
  });

  it("retags stored articles for a new topic in batches and resumes after a crash", async () => {
    await store(titles);
    await createTopic(t.db, { slug: "mistral", name: "Mistral", color: "#000000", query: "mistral" });
    expect((await getTopic(t.db, "mistral"))!.taggedVersion).toBe(0);

    // One batch of two articles, then the "process dies".
    await retagTopics(t.db, { batchSize: 2, maxBatches: 1 });
    const halfway = (await getTopic(t.db, "mistral"))!;
    expect(halfway).toMatchObject({ retagDone: 2, retagTotal: 5, taggedVersion: 0 });
    expect(await tagsOf("mistral")).toHaveLength(1);

    const rest = await retagTopics(t.db, { batchSize: 2 });
    expect(rest.articles).toBe(3);
    expect(await getTopic(t.db, "mistral")).toMatchObject({ retagDone: 5, taggedVersion: 1 });
    expect(await tagsOf("mistral")).toHaveLength(2);
    const counts = Object.fromEntries((await listTopics(t.db)).map((x) => [x.slug, x.articleCount]));
    expect(counts.mistral).toBe(2);
  });

  it("a changed query replaces the topic's tags, and an unchanged topic is left alone", async () => {
    await createTopic(t.db, { slug: "nvidia", name: "Nvidia", color: "#000000", query: "nvidia" });
    await store(titles);
    expect(await tagsOf("nvidia")).toHaveLength(2);
    await updateTopic(
      t.db,
      "nvidia",
      { name: "Nvidia stock", color: "#000000", query: "nvidia AND shares" },
      Date.now(),
    );
    await retagTopics(t.db);
    expect(await tagsOf("nvidia")).toHaveLength(1);
    expect(await getTopic(t.db, "nvidia")).toMatchObject({ version: 2, taggedVersion: 2 });
    expect((await retagTopics(t.db)).topics).toBe(0);
  });

  it("new articles stored while a retag is pending get the topic's current query", async () => {
    await store(titles.slice(0, 2));
    await createTopic(t.db, { slug: "huawei", name: "Huawei", color: "#000000", query: "huawei" });
    await store(titles.slice(4));
    expect(await tagsOf("huawei")).toHaveLength(1);
    await retagTopics(t.db);
    expect(await tagsOf("huawei")).toHaveLength(1);
  });

  it("a headline changed by the feed is retagged with it", async () => {
    await createTopic(t.db, { slug: "huawei", name: "Huawei", color: "#000000", query: "huawei" });
    const feed = await makeFeed(t.db);
    const tagger = new TopicTagger();
    const first = makeArticle({ guid: "x", entryKey: "x", title: "Chip news" });
    await storeFeedArticles(t.db, { feedId: feed.id, articles: [first], state: {}, now: 1, tagger });
    expect(await tagsOf("huawei")).toHaveLength(0);
    const revised = makeArticle({ guid: "x", entryKey: "x", url: first.url, title: "Huawei chip news" });
    await storeFeedArticles(t.db, { feedId: feed.id, articles: [revised], state: {}, now: 2, tagger });
    expect(await tagsOf("huawei")).toHaveLength(1);
  });
});
