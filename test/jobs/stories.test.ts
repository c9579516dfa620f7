import { sql } from "drizzle-orm";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeFeed, removeSampleFeeds } from "../../db/queries/feeds";
import { deleteExpiredArticles } from "../../db/queries/retention";
import type { NormalizedArticle } from "../../jobs/ingest/normalize";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { loadSample } from "../../jobs/sample/load-sample";
import { createDefaultTopics } from "../../jobs/seed/first-start";
import { retagTopics } from "../../jobs/topics/retag";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeArticle, makeFeed } from "../helpers/factories";
import { storiesVersusTruth } from "../helpers/stories";

const now = Date.UTC(2025, 0, 28);
const state = { lastStatus: 200, lastFetchedAt: now, errorCount: 0 };
const HOUR = 3_600_000;
const log = pino({ level: "silent" });

const WIRE_TITLE = "Nvidia loses $589bn in market value as DeepSeek rattles AI chip investors";
const WIRE_LEAD =
  "Shares of Nvidia fell 17 per cent on Monday, wiping out a record $589bn of market value, after the Chinese " +
  "start-up DeepSeek said its R1 reasoning model matched leading US systems at a fraction of the cost of " +
  "training them. The sell-off spread to other chipmakers and to the utilities that power data centres.";

describe("story clusters at ingest", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(() => t.destroy());

  const storyOf = async (url: string | null) =>
    Number(
      (await t.client.execute({ sql: "select story_id from articles where url = ?", args: [url] }))
        .rows[0]![0],
    );
  const store = async (feedId: number, articles: NormalizedArticle[]) =>
    storeFeedArticles(t.db, { feedId, articles, state, now });

  it("puts a syndicated copy with another headline and a trimmed lead in the story of the first", async () => {
    const wire = await makeFeed(t.db);
    const paper = await makeFeed(t.db);
    const original = makeArticle({ title: WIRE_TITLE, summary: WIRE_LEAD, publishedAt: now - 5 * HOUR });
    await store(wire.id, [original]);
    const copy = makeArticle({
      title: "DeepSeek shock wipes $589bn off Nvidia",
      summary: WIRE_LEAD.split(". ")[0]!,
      publishedAt: now - 2 * HOUR,
    });
    const other = makeArticle({
      title: "Nvidia shares rebound as investors reassess DeepSeek threat",
      summary:
        "Nvidia recovered part of Monday's losses on Tuesday as analysts argued that cheaper AI models would " +
        "raise demand for its chips rather than cut it.",
      publishedAt: now - HOUR,
    });
    await store(paper.id, [copy, other]);
    expect(await storyOf(copy.url)).toBe(await storyOf(original.url));
    expect(await storyOf(other.url)).not.toBe(await storyOf(original.url));
    expect(await storiesVersusTruth(t)).toMatchObject({ orphans: [] });
    const truth = await storiesVersusTruth(t);
    expect(truth.stored).toEqual(truth.truth);
  });

  it("keeps copies apart across languages and beyond the time window", async () => {
    const a = await makeFeed(t.db);
    const b = await makeFeed(t.db);
    const first = makeArticle({ title: WIRE_TITLE, summary: WIRE_LEAD, publishedAt: now - 10 * 86_400_000 });
    await store(a.id, [first]);
    const late = makeArticle({ title: WIRE_TITLE, summary: WIRE_LEAD, publishedAt: now });
    const otherLanguage = makeArticle({
      title: WIRE_TITLE,
      summary: WIRE_LEAD,
      lang: "de",
      publishedAt: first.publishedAt,
    });
    await store(b.id, [late, otherLanguage]);
    const stories = new Set([
      await storyOf(first.url),
      await storyOf(late.url),
      await storyOf(otherLanguage.url),
    ]);
    expect(stories.size).toBe(3);
  });

  it("joins two copies that arrive in one feed's batch, and an inflected copy (stemming) to them", async () => {
    const feed = await makeFeed(t.db);
    const one = makeArticle({ title: WIRE_TITLE, summary: WIRE_LEAD });
    const two = makeArticle({ title: `${WIRE_TITLE} (update)`, summary: WIRE_LEAD });
    await store(feed.id, [one, two]);
    expect(await storyOf(two.url)).toBe(await storyOf(one.url));
    const inflected = makeArticle({
      title: "Nvidia lost $589bn of market values as DeepSeek rattled AI chips investor",
      summary: WIRE_LEAD.replace("fell", "falls").replace("matched", "matches"),
    });
    await store((await makeFeed(t.db)).id, [inflected]);
    expect(await storyOf(inflected.url)).toBe(await storyOf(one.url));
    const [row] = (
      await t.client.execute(`select article_count from stories where id = ${await storyOf(one.url)}`)
    ).rows;
    expect(Number(row![0])).toBe(3);
  });

  it("puts each copy in a feed's batch in the story its own text was stored in, copies of one text alike", async () => {
    const wire = await makeFeed(t.db);
    const rebound = {
      title: "Nvidia shares rebound as investors reassess DeepSeek threat",
      summary:
        "Nvidia recovered part of Monday's losses on Tuesday as analysts argued that cheaper AI models would " +
        "raise demand for its chips rather than cut it.",
    };
    const sellOff = makeArticle({ title: WIRE_TITLE, summary: WIRE_LEAD, publishedAt: now - 5 * HOUR });
    await store(wire.id, [sellOff]);
    const recovery = makeArticle({ ...rebound, publishedAt: now - 4 * HOUR });
    await store(wire.id, [recovery]);
    // One time for all: the copies of one text share every band lookup (story-placement.ts probes each once).
    const at = { publishedAt: now - HOUR };
    const batch = [
      makeArticle({ ...rebound, ...at }),
      makeArticle({ title: WIRE_TITLE, summary: WIRE_LEAD, ...at }),
      makeArticle({ title: `${WIRE_TITLE} (update)`, summary: WIRE_LEAD, ...at }),
      makeArticle({ ...rebound, title: `${rebound.title} (update)`, ...at }),
    ];
    await store((await makeFeed(t.db)).id, batch);
    const [a, b, c, d] = await Promise.all(batch.map((x) => storyOf(x.url)));
    expect([a, b, c, d]).toEqual([
      await storyOf(recovery.url),
      await storyOf(sellOff.url),
      await storyOf(sellOff.url),
      await storyOf(recovery.url),
    ]);
    expect(await storyOf(recovery.url)).not.toBe(await storyOf(sellOff.url));
  });

  it("keeps a story's id when its first article goes, and drops the story with its last", async () => {
    const wire = await makeFeed(t.db);
    const paper = await makeFeed(t.db);
    const original = makeArticle({ title: WIRE_TITLE, summary: WIRE_LEAD, publishedAt: now - 5 * HOUR });
    await store(wire.id, [original]);
    const copy = makeArticle({ title: WIRE_TITLE, summary: WIRE_LEAD, publishedAt: now - 2 * HOUR });
    await store(paper.id, [copy]);
    const id = await storyOf(original.url);
    await removeFeed(t.db, wire.id);
    expect(await storyOf(copy.url)).toBe(id);
    const truth = await storiesVersusTruth(t);
    expect(truth).toMatchObject({ orphans: [] });
    expect(truth.stored).toEqual(truth.truth);
    expect(truth.stored).toEqual([expect.stringMatching(new RegExp(`^${id}\\|1\\|`))]);
    await removeFeed(t.db, paper.id);
    expect(await storiesVersusTruth(t)).toEqual({ truth: [], stored: [], orphans: [] });
    // A later story never takes the id of a deleted one.
    const next = makeArticle();
    await store((await makeFeed(t.db)).id, [next]);
    expect(await storyOf(next.url)).toBeGreaterThan(id);
  });
});

describe("stories after retention, sample removal and retags", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
    await createDefaultTopics(t.db);
    await loadSample({ db: t.db, allowPrivateUrls: false, log });
    await t.db.run(sql`update articles set first_seen_at = published_at`);
  });
  afterEach(() => t.destroy());

  const exact = async () => {
    const truth = await storiesVersusTruth(t);
    expect(truth.orphans).toEqual([]);
    expect(truth.stored).toEqual(truth.truth);
    return truth;
  };

  it("keeps every story exact when retention deletes old articles", async () => {
    const before = await exact();
    expect(before.stored.length).toBeGreaterThan(100);
    await deleteExpiredArticles(t.db, Date.UTC(2025, 1, 15), 10_000);
    const after = await exact();
    expect(after.stored.length).toBeLessThan(before.stored.length);
  });

  it("leaves no story behind when the sample is removed", async () => {
    await exact();
    await removeSampleFeeds(t.db);
    expect(await storiesVersusTruth(t)).toEqual({ truth: [], stored: [], orphans: [] });
    expect(Number((await t.client.execute("select count(*) from story_bands")).rows[0]![0])).toBe(0);
    expect(Number((await t.client.execute("select count(*) from story_keys")).rows[0]![0])).toBe(0);
  });

  it("does not move any article to another story when topics are retagged", async () => {
    const membership = async () =>
      (await t.client.execute("select id, story_id from articles order by id")).rows;
    const before = await membership();
    await t.db.run(sql`update topics set query = 'nvidia', version = version + 1 where slug = 'r1-release'`);
    expect((await retagTopics(t.db)).topics).toBe(1);
    expect(await membership()).toEqual(before);
    await exact();
  });
});
