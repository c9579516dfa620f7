import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countConceptTerms } from "../../core/tagging/concepts";
import { defaultConcepts } from "../../core/tagging/default-concepts";
import {
  conceptVersions,
  deleteConcept,
  getConcept,
  listConcepts,
  putConcept,
} from "../../db/queries/concepts";
import { createTopic } from "../../db/queries/topics";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { seedDefaultConcepts, seedFirstStart } from "../../jobs/seed/first-start";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeArticle, makeFeed } from "../helpers/factories";

const log = pino({ level: "silent" });
const concept = (name: string, query: string) => ({ name, query, termCount: countConceptTerms(query) });

describe("concepts in the jobs", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(() => t.destroy());

  it("the ingest's tagger recompiles when a concept changes, though no topic did", async () => {
    await putConcept(t.db, concept("x", "Luanda"), 1);
    await createTopic(t.db, { slug: "x-chips", name: "X chips", color: "#000000", query: "@x AND chips" });
    const tagger = new TopicTagger();
    const feed = await makeFeed(t.db);
    const store = (title: string) =>
      storeFeedArticles(t.db, {
        feedId: feed.id,
        articles: [makeArticle({ title, summary: "" })],
        state: {},
        now: Date.now(),
        tagger,
      });
    expect((await store("Chips reach Luanda")).tags).toHaveLength(1);
    expect((await store("Chips reach Jakarta")).tags).toHaveLength(0);
    // The store reads the concepts' texts only when their versions moved.
    expect(tagger.conceptsStale(await conceptVersions(t.db))).toBe(false);
    await putConcept(t.db, concept("x", "Luanda OR Jakarta"), 2);
    expect(tagger.conceptsStale(await conceptVersions(t.db))).toBe(true);
    const tagged = await store("More chips reach Jakarta");
    expect(tagged.tags.map((tag) => tag.terms.map((term) => term.term))).toEqual([["chips", "@x: Jakarta"]]);
  });

  it("a topic naming a concept that is gone is skipped as broken; the others still tag", () => {
    const tagger = new TopicTagger();
    tagger.load(
      [
        { id: 1, slug: "gone", query: "@gone AND chips", version: 1 },
        { id: 2, slug: "chips", query: "chips", version: 1 },
      ],
      [],
    );
    expect(tagger.broken).toEqual([{ slug: "gone", error: 'unknown concept "@gone" at position 0' }]);
    expect(
      tagger.topicsOf({ title: "Chips", summary: "", publishedAt: 0 }).map((tag) => tag.topicId),
    ).toEqual([2]);
  });

  it("seeds the bundled concepts once, into new and existing databases, and a deleted one stays deleted", async () => {
    // An existing database: it has a feed, so the first-start seed does nothing else, but the concepts come.
    await makeFeed(t.db);
    const first = await seedFirstStart(
      { db: t.db, allowPrivateUrls: false, log },
      {
        defaultFeeds: false,
        sampleData: false,
      },
    );
    expect(first.seeded).toBe(false);
    const seeded = await listConcepts(t.db);
    expect(seeded.map((c) => c.name).sort()).toEqual(
      defaultConcepts()
        .map((c) => c.name)
        .sort(),
    );
    expect(seeded.every((c) => c.seeded && c.version === 1)).toBe(true);
    expect((await getConcept(t.db, "global-south"))!.termCount).toBeGreaterThan(2_000);

    expect(await deleteConcept(t.db, "chips")).toBe(true);
    expect(await seedDefaultConcepts(t.db, Date.now())).toBe(0);
    expect(await getConcept(t.db, "chips")).toBeUndefined();
    expect((await listConcepts(t.db)).length).toBe(defaultConcepts().length - 1);
  });

  it("a user's own concept of a bundled name is kept as it is", async () => {
    await putConcept(t.db, concept("china", "Beijing"), 1);
    expect(await seedDefaultConcepts(t.db, Date.now())).toBe(defaultConcepts().length - 1);
    expect(await getConcept(t.db, "china")).toMatchObject({ query: "Beijing", seeded: false });
  });
});
