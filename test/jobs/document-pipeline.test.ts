import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { addFeed } from "../../db/queries/feeds";
import { createTopic, topicVersions, updateTopic } from "../../db/queries/topics";
import { DocumentWorker } from "../../jobs/ingest/document-worker-client";
import { runIngestPass } from "../../jobs/ingest/ingest-pass";
import { prepareEntries } from "../../jobs/ingest/prepare-entries";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { createDefaultTopics } from "../../jobs/seed/first-start";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { benchFeeds } from "../bench/bench-feeds";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeArticle, makeFeed } from "../helpers/factories";
import { type FeedServer, startFeedServer } from "../helpers/feed-server";
import { rss, storyItems } from "../helpers/feed-xml";

// The ingest's document work (parse, normalize, tag, story fingerprints) runs in the document worker while the
// pass's own thread stores the feed before. What is stored must not depend on where that work ran, nor on a
// topic edited between the work and the store.

const log = pino({ level: "silent" });
const NOW = Date.UTC(2025, 1, 1);

describe("the document pipeline", () => {
  const databases: TestDatabase[] = [];
  const workers: DocumentWorker[] = [];
  let server: FeedServer | undefined;
  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.stop();
    for (const t of databases.splice(0)) t.destroy();
    await server?.close();
    server = undefined;
  });
  const database = async () => {
    const t = await createTestDatabase();
    databases.push(t);
    return t;
  };
  const worker = (options: { timeoutMs?: number } = {}) => {
    const w = new DocumentWorker({ log, ...options });
    workers.push(w);
    return w;
  };

  /** Everything a pass writes that a reader sees, with ids replaced by what they name. */
  async function stored(t: TestDatabase) {
    const rows = async (sql: string) => (await t.client.execute(sql)).rows.map((r) => ({ ...r }));
    return {
      articles: await rows(`
        select f.url feed, a.entry_key, a.title, a.lang, a.published_at,
          (select min(b.entry_key || ' ' || b.feed_id) from articles b where b.story_id = a.story_id) story
        from articles a join feeds f on f.id = a.feed_id order by f.url, a.entry_key`),
      tags: await rows(`
        select a.entry_key, a.feed_id, t.slug, at.terms from article_topics at
        join articles a on a.id = at.article_id join topics t on t.id = at.topic_id
        order by a.feed_id, a.entry_key, t.slug`),
      daily: await rows("select * from coverage_daily order by 1, 2, 3"),
      stories: await rows("select lang, article_count from stories order by lang, article_count"),
      alerts: await rows("select count(*) n from alert_events"),
    };
  }

  it("stores the same articles, tags, stories and counts whether the worker or this thread did the work", async () => {
    // Multilingual sample outlets, each feed with wire copies of the others' stories.
    const feeds = benchFeeds(6, 40);
    server = await startFeedServer(
      Object.fromEntries(
        feeds.map((feed, i) => [
          `/${i}`,
          (_req: unknown, res: import("node:http").ServerResponse) => res.writeHead(200).end(feed.body),
        ]),
      ),
    );
    const outcomes = [];
    for (const documents of [undefined, worker()]) {
      const t = await database();
      await createDefaultTopics(t.db);
      for (const [i] of feeds.entries()) await addFeed(t.db, { url: server.url(`/${i}`), lang: null });
      const summary = await runIngestPass(
        { db: t.db, allowPrivateUrls: true, log, now: () => NOW, documents },
        { scope: "all", concurrency: 6 },
      );
      expect(summary).toMatchObject({ feeds: 6, stored: 6, failed: 0, articlesAdded: 240 });
      outcomes.push(await stored(t));
    }
    const [here, there] = outcomes;
    expect(here!.tags.length).toBeGreaterThan(50);
    expect(here!.stories.length).toBeLessThan(240); // copies joined stories
    expect(there).toEqual(here);
  });

  it("reads the topics' queries again only when a topic's version moved, and tags with the new ones", async () => {
    const t = await database();
    await createTopic(t.db, { slug: "chips", name: "Chips", query: "export", color: "#123456" });
    const feed = await makeFeed(t.db);
    const tagger = new TopicTagger();
    const store = (title: string) =>
      storeFeedArticles(t.db, {
        feedId: feed.id,
        articles: [makeArticle({ title, summary: "", entryKey: title })],
        state: {},
        now: NOW,
        tagger,
      });
    expect((await store("US tightens export rules")).tags).toHaveLength(1);
    expect(tagger.topicsStale(await topicVersions(t.db))).toBe(false);
    await updateTopic(t.db, "chips", { name: "Chips", query: "nvidia", color: "#123456" }, NOW);
    expect(tagger.topicsStale(await topicVersions(t.db))).toBe(true);
    expect((await store("US tightens export rules again")).tags).toHaveLength(0);
    expect((await store("Nvidia shares fall")).tags).toHaveLength(1);
  });

  it("stores tags of the topics as the store's transaction reads them, not as they were when the entries were tagged", async () => {
    const t = await database();
    await createTopic(t.db, { slug: "chips", name: "Chips", query: "export", color: "#123456" });
    const feed = await makeFeed(t.db);
    const articles = [
      makeArticle({ title: "Nvidia shares fall", summary: "", entryKey: "a" }),
      makeArticle({ title: "US tightens export rules", summary: "", entryKey: "b" }),
    ];
    for (const where of ["this thread", "the worker"] as const) {
      await updateTopic(t.db, "chips", { name: "Chips", query: "export", color: "#123456" }, NOW);
      const tagger = new TopicTagger();
      await tagger.refresh(t.db);
      const topics = tagger.topicSet();
      const prepared =
        where === "this thread"
          ? await prepareEntries(tagger, articles)
          : (
              await worker().read({
                body: new TextEncoder().encode(
                  rss("Wire", [
                    { title: "Nvidia shares fall", guid: "a" },
                    { title: "US tightens export rules", guid: "b" },
                  ]),
                ),
                contentType: null,
                baseUrl: "https://wire.example/feed",
                feedLang: null,
                now: NOW,
                topics,
              })
            ).prepared;
      expect(prepared.tags.map((tags) => tags?.length)).toEqual([0, 1]);
      // Edited by another process after the entries were tagged, before they are stored.
      const query = where === "this thread" ? "nvidia" : "shares";
      await updateTopic(t.db, "chips", { name: "Chips", query, color: "#123456" }, NOW);
      const batch = articles.map((a) => ({ ...a, entryKey: `${where}-${a.entryKey}`, url: null }));
      await storeFeedArticles(t.db, {
        feedId: feed.id,
        articles: batch,
        state: {},
        now: NOW,
        tagger,
        prepared,
      });
      const tagged = await t.client.execute(`
        select a.entry_key from article_topics at join articles a on a.id = at.article_id
        where a.entry_key like '${where}-%' order by 1`);
      expect(tagged.rows.map((r) => r.entry_key)).toEqual([`${where}-a`]);
    }
  });

  it("reports a topic whose query no longer compiles, as the worker's compile found it, and tags with the rest", async () => {
    const t = await database();
    await createTopic(t.db, { slug: "r1", name: "R1", query: "deepseek", color: "#123456" });
    await createTopic(t.db, { slug: "gone", name: "Gone", query: "chips", color: "#654321" });
    // Saved before a concept it names was removed: stored queries are not compiled again on their own.
    await t.client.execute(
      "update topics set query = '@gone AND chips', version = version + 1 where slug = 'gone'",
    );
    server = await startFeedServer({
      "/feed.xml": (_req, res) => res.writeHead(200).end(rss("Small", storyItems("small", 3))),
    });
    await addFeed(t.db, { url: server.url("/feed.xml") });
    const lines: Array<{ msg: string; topic?: string; error?: string }> = [];
    const logged = pino({ level: "error" }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const summary = await runIngestPass(
      { db: t.db, allowPrivateUrls: true, log: logged, documents: worker() },
      { scope: "all" },
    );
    expect(summary).toMatchObject({ stored: 1, articlesAdded: 3 });
    expect(lines).toEqual([
      expect.objectContaining({
        msg: "topic skipped: its query does not compile",
        topic: "gone",
        error: 'unknown concept "@gone" at position 0',
      }),
    ]);
    const tags = await t.client.execute(
      "select t.slug, count(*) n from article_topics a join topics t on t.id = a.topic_id group by 1",
    );
    expect(tags.rows.map((r) => ({ ...r }))).toEqual([{ slug: "r1", n: 3 }]);
  });

  it("gives a new thread the topics again after the old one was ended", async () => {
    const t = await database();
    await createTopic(t.db, { slug: "r1", name: "R1", query: "deepseek", color: "#123456" });
    const tagger = new TopicTagger();
    await tagger.refresh(t.db);
    const w = worker({ timeoutMs: 2_000 });
    const small = {
      body: new TextEncoder().encode(rss("Small", storyItems("small", 3))),
      contentType: null,
      baseUrl: "https://small.example/feed",
      feedLang: null,
      now: NOW,
      topics: tagger.topicSet(),
    };
    const first = await w.read(small);
    expect(first.prepared.tags.map((tags) => tags?.length)).toEqual([1, 1, 1]);
    // ~30 MiB of XML outlasts the deadline: the thread is ended, and with it the topics it had compiled.
    const huge = new TextEncoder().encode(rss("Huge", storyItems("huge", 100_000)));
    await expect(w.read({ ...small, body: huge })).rejects.toMatchObject({ kind: "timeout" });
    const again = await w.read(small);
    expect(again.prepared).toEqual(first.prepared);
  });
});
