import { eq, sql } from "drizzle-orm";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeFeed } from "../../db/queries/feeds";
import { rebuildRollups } from "../../db/queries/rollups";
import { deleteTopic, updateTopic } from "../../db/queries/topics";
import { coverageHourly } from "../../db/schema";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { clearSample, loadSample } from "../../jobs/sample/load-sample";
import { createDefaultTopics } from "../../jobs/seed/first-start";
import { retagTopics } from "../../jobs/topics/retag";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeArticle, makeFeed } from "../helpers/factories";
import { rollupsVersusTruth } from "../helpers/rollups";

describe("coverage rollups", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
    await createDefaultTopics(t.db);
  });
  afterEach(() => t.destroy());

  const expectExact = async () => {
    const r = await rollupsVersusTruth(t);
    expect(r.hourly).toEqual(r.truthHourly);
    expect(r.hourlyFeed).toEqual(r.truthHourlyFeed);
    expect(r.detail).toEqual(r.truthDetail);
    expect(r.daily).toEqual(r.truthDaily);
    expect(r.dailyDetail).toEqual(r.truthDailyDetail);
    expect(r.monthlyDetail).toEqual(r.truthMonthlyDetail);
    expect(r.sets).toEqual(r.truthSets);
    return r;
  };
  const ctx = () => ({ db: t.db, allowPrivateUrls: false, log: pino({ level: "silent" }) });

  it("count every stored article and tag, and stay exact through retags, edits and deletions", async () => {
    await loadSample(ctx());
    const loaded = await expectExact();
    expect(loaded.hourly.length).toBeGreaterThan(100);

    // A headline changes: its old tags leave the rollups, the new ones enter.
    const feed = await makeFeed(t.db, { lang: "en" });
    const tagger = new TopicTagger();
    const story = makeArticle({ guid: "g", entryKey: "g", title: "Weather in Paris" });
    await storeFeedArticles(t.db, { feedId: feed.id, articles: [story], state: {}, now: 1, tagger });
    const revised = { ...story, title: "Nvidia shares plunge after DeepSeek R1", contentHash: "changed" };
    await storeFeedArticles(t.db, { feedId: feed.id, articles: [revised], state: {}, now: 2, tagger });
    await expectExact();

    // A query changes and the retag runs (with a "crash" between batches).
    await updateTopic(
      t.db,
      "ascend-chips",
      { name: "Ascend", color: "#000000", query: "huawei" },
      Date.now(),
    );
    await retagTopics(t.db, { batchSize: 100, maxBatches: 3 });
    await expectExact();
    await retagTopics(t.db, { batchSize: 100 });
    await expectExact();

    await deleteTopic(t.db, "export-controls");
    await expectExact();
    await removeFeed(t.db, feed.id);
    await expectExact();
    await clearSample(ctx());
    const empty = await expectExact();
    expect(empty.hourly).toEqual([]);
  });

  it("can be rebuilt from the articles and tags", async () => {
    await loadSample(ctx());
    await t.db.run(sql`update coverage_hourly set count = count + 7`);
    await t.db.delete(coverageHourly).where(eq(coverageHourly.topicId, 1));
    await rebuildRollups(t.db);
    await expectExact();
  });
});
