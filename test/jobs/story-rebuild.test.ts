import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addFeed } from "../../db/queries/feeds";
import { bandTailOf } from "../../db/queries/story-band-tail";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { rebuildStories } from "../../jobs/stories/rebuild-stories";
import { readStorySet, storySetPath } from "../bench/story-labels";
import { runCli } from "../helpers/cli";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeArticle } from "../helpers/factories";
import { storiesVersusTruth } from "../helpers/stories";

/** The labeled development set, stored as ingest meets it: one item per feed read, in publication order. */
async function ingestLabeledSet(t: TestDatabase): Promise<void> {
  const items = readStorySet(storySetPath("dev"))!;
  const feeds = new Map<string, number>();
  for (const item of items) {
    let feedId = feeds.get(item.outlet);
    if (feedId === undefined) {
      feedId = (await addFeed(t.db, { url: `https://labeled.example/${feeds.size}`, name: item.outlet })).id;
      feeds.set(item.outlet, feedId);
    }
    const now = Date.parse(item.publishedAt);
    const article = makeArticle({
      entryKey: item.id,
      url: `https://labeled.example/a/${item.id}`,
      title: item.title,
      summary: item.summary,
      lang: item.lang,
      publishedAt: now,
    });
    await storeFeedArticles(t.db, { feedId, articles: [article], state: { lastFetchedAt: now }, now });
  }
}

/** The stories as groups of entry keys, whatever their ids: what two placements are compared by. */
async function storyGroups(t: TestDatabase): Promise<string[]> {
  const rows = (await t.client.execute("select story_id, entry_key from articles order by entry_key")).rows;
  const groups = new Map<number, string[]>();
  for (const row of rows) {
    const id = Number(row[0]);
    groups.set(id, [...(groups.get(id) ?? []), String(row[1])]);
  }
  return [...groups.values()].map((g) => g.join(" ")).sort();
}

/** What migration 0010 made of a database that predates stories: each article a story of its own, no bands. */
async function asBeforeStories(t: TestDatabase): Promise<void> {
  await t.client.batch(
    [
      "delete from story_bands",
      "delete from story_keys",
      "delete from stories",
      `insert into stories (id, lang, article_count, first_article_id, first_published_at, last_published_at)
        select id, coalesce(lang, ''), 1, id, published_at, published_at from articles`,
      "update articles set story_id = id",
    ],
    "write",
  );
}

/** Band rows in the index and in the band tail (story_keys above the line, story-band-tail.ts), each once. */
const bandRows = async (t: TestDatabase) =>
  Number(
    (
      await t.client.execute(`
        select count(*) from (
          select article_id, key from story_bands
          union select s.article_id, k.value from story_keys s, json_each(s.keys) k
          where s.article_id > (select cast(value as integer) from settings where key = 'stories.bands_through'))`)
    ).rows[0]![0],
  );

describe("stories rebuild", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(() => t.destroy());

  // 268 articles: with the default limit every one stays in the band tail; with 25 the tail moves into the index
  // ten times on the way.
  it.each([
    ["in the band tail", undefined],
    ["moved into the index every 25", 25],
  ])(
    "places the articles of a database that predates stories as ingest placed them (%s)",
    async (_, limit) => {
      bandTailOf(t.db, limit);
      await ingestLabeledSet(t);
      const atIngest = await storyGroups(t);
      const bands = await bandRows(t);
      await asBeforeStories(t);
      expect(await storyGroups(t)).not.toEqual(atIngest);

      const summary = await rebuildStories(t.db, { batchSize: 40 });

      expect(summary).toEqual({ articles: 268, resumedAfter: 0, finished: true });
      expect(await storyGroups(t)).toEqual(atIngest);
      expect(await bandRows(t)).toBe(bands);
      const check = await storiesVersusTruth(t);
      expect(check.orphans).toEqual([]);
      expect(check.stored).toEqual(check.truth);
    },
  );

  it("resumes an interrupted rebuild after its last batch, and places articles stored meanwhile", async () => {
    await ingestLabeledSet(t);
    const late = makeArticle({ entryKey: "zz-late-copy", lang: "en", publishedAt: Date.UTC(2025, 2, 30) });
    const feed = (await addFeed(t.db, { url: "https://late.example/feed" })).id;
    const copyOfLast = (
      await t.client.execute(
        "select title, summary, lang, published_at from articles order by published_at desc",
      )
    ).rows[0]!;
    const copy = {
      ...late,
      title: String(copyOfLast[0]),
      summary: String(copyOfLast[1]),
      lang: String(copyOfLast[2]),
      publishedAt: Number(copyOfLast[3]) + 3_600_000,
    };
    await storeFeedArticles(t.db, { feedId: feed, articles: [copy], state: {}, now: copy.publishedAt });
    const atIngest = await storyGroups(t);
    await t.client.execute("delete from articles where entry_key = 'zz-late-copy'");
    await asBeforeStories(t);

    const first = await rebuildStories(t.db, { batchSize: 40, maxBatches: 3 });
    expect(first).toEqual({ articles: 120, resumedAfter: 0, finished: false });
    // An ingest while the rebuild is halfway: the copy of the last article is placed again when its turn comes.
    await storeFeedArticles(t.db, { feedId: feed, articles: [copy], state: {}, now: copy.publishedAt });
    const second = await rebuildStories(t.db, { batchSize: 40 });

    expect(second).toEqual({ articles: 149, resumedAfter: 120, finished: true });
    expect(await storyGroups(t)).toEqual(atIngest);
    const check = await storiesVersusTruth(t);
    expect(check.orphans).toEqual([]);
    expect(check.stored).toEqual(check.truth);
    // Finished: the next run starts over, and finds every article where it is.
    expect(await rebuildStories(t.db)).toMatchObject({ articles: 269, resumedAfter: 0, finished: true });
    expect(await storyGroups(t)).toEqual(atIngest);
  });

  it("npm run cli -- stories rebuild prints its counts, as JSON with --json, and exits 3 with no articles", async () => {
    const env = { DATABASE_URL: `file:${t.path}` };
    const empty = await runCli(["stories", "rebuild"], env);
    expect(empty).toMatchObject({ code: 3, stderr: "" });
    expect(empty.stdout).toBe("stories rebuild: no articles to place\n");

    const feed = (await addFeed(t.db, { url: "https://cli.example/feed" })).id;
    const a = makeArticle({ title: "Nvidia loses $589bn as DeepSeek rattles chip investors today" });
    const b = makeArticle({ ...a, entryKey: "copy", url: "https://cli.example/copy" });
    await storeFeedArticles(t.db, { feedId: feed, articles: [a, b], state: {}, now: a.publishedAt });
    const text = await runCli(["stories", "rebuild"], env);
    expect(text).toMatchObject({ code: 0, stderr: "" });
    expect(text.stdout).toBe("stories rebuild: 2 articles placed in 1 stories\n");
    const json = await runCli(["stories", "rebuild", "--json"], env);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ articles: 2, resumedAfter: 0, stories: 1 });
    const bad = await runCli(["stories", "rebuild", "extra"], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unexpected argument 'extra'");
  });
});
