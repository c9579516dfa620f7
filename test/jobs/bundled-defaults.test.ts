import { eq, like, or } from "drizzle-orm";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultConcepts } from "../../core/tagging/default-concepts";
import { defaultTopics } from "../../core/tagging/default-topics";
import { getConcept, putConcept } from "../../db/queries/concepts";
import { createTopic, deleteTopic, getTopic, updateTopic } from "../../db/queries/topics";
import { articleTopics, settings } from "../../db/schema";
import { storeFeedArticles } from "../../jobs/ingest/store-articles";
import { type BundledDefaults, upgradeBundledDefaults } from "../../jobs/seed/bundled-defaults";
import { seedFirstStart } from "../../jobs/seed/first-start";
import { retagTopics } from "../../jobs/topics/retag";
import { TopicTagger } from "../../jobs/topics/topic-tagger";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeArticle, makeFeed } from "../helpers/factories";

const log = pino({ level: "silent" });

/** The next release's bundle: one word more in @chips, @china, export-controls and ascend-chips. */
function nextRelease(): BundledDefaults {
  const widen = (names: string[], name: string, query: string) =>
    names.includes(name) ? `(${query}) OR tidemarkword` : query;
  return {
    concepts: defaultConcepts().map((c) => ({
      name: c.name,
      query: widen(["chips", "china"], c.name, c.query),
    })),
    topics: defaultTopics.map((t) => ({
      slug: t.slug,
      query: widen(["export-controls", "ascend-chips"], t.slug, t.query),
    })),
  };
}

describe("bundled concepts and topics in a database seeded by an earlier release", () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
    await seedFirstStart(
      { db: t.db, allowPrivateUrls: false, log },
      { defaultFeeds: false, sampleData: false },
    );
  });
  afterEach(() => t.destroy());

  const version = async (slug: string) => (await getTopic(t.db, slug))!.version;

  it("take the new bundled text where the user never edited it, keep the user's edits, and retag", async () => {
    const feed = await makeFeed(t.db);
    await storeFeedArticles(t.db, {
      feedId: feed.id,
      articles: [makeArticle({ title: "A tidemarkword story", summary: "" })],
      state: {},
      now: Date.now(),
      tagger: new TopicTagger(),
    });
    // The user edits @china and ascend-chips' query; the next release changes both too.
    await putConcept(t.db, { name: "china", query: "Beijing OR China", termCount: 2 }, Date.now());
    const ascend = (await getTopic(t.db, "ascend-chips"))!;
    await updateTopic(t.db, "ascend-chips", { ...ascend, query: "ascend OR 昇腾" }, Date.now());
    const before = { exports: await version("export-controls"), ascend: await version("ascend-chips") };

    const summary = await upgradeBundledDefaults(t.db, Date.now(), nextRelease());
    expect(summary.concepts).toEqual(["chips"]);
    expect(summary.topics).toEqual(["export-controls"]);
    expect(summary.kept.sort()).toEqual(["@china", "ascend-chips"]);
    expect((await getConcept(t.db, "chips"))!.query).toMatch(/OR tidemarkword$/);
    expect((await getConcept(t.db, "chips"))!.version).toBe(2);
    expect((await getConcept(t.db, "china"))!.query).toBe("Beijing OR China");
    expect((await getTopic(t.db, "ascend-chips"))!.query).toBe("ascend OR 昇腾");
    expect(await version("ascend-chips")).toBe(before.ascend);
    // The new topic query and the new @chips (export-controls uses it) each mark it for a retag.
    expect(await version("export-controls")).toBeGreaterThan(before.exports);

    await retagTopics(t.db);
    const exports = (await getTopic(t.db, "export-controls"))!;
    const tags = await t.db.select().from(articleTopics).where(eq(articleTopics.topicId, exports.id));
    expect(tags.map((tag) => tag.terms[0]?.term)).toEqual(["tidemarkword"]);

    // Once upgraded, the same release changes nothing more on the next start.
    expect(await upgradeBundledDefaults(t.db, Date.now(), nextRelease())).toEqual({
      concepts: [],
      topics: [],
      kept: ["@china", "ascend-chips"],
    });
  });

  it("reads a database seeded before hashes were kept: version 1 and the seed's own rows count as unedited", async () => {
    await t.db
      .delete(settings)
      .where(or(like(settings.key, "concept_seeded_hash:%"), like(settings.key, "topic_seeded_hash:%")));
    // The user deleted export-controls and made a topic of that slug: the same version 1, a later id.
    await deleteTopic(t.db, "export-controls");
    await createTopic(t.db, { slug: "export-controls", name: "Mine", color: "#000000", query: "sanctions" });

    const summary = await upgradeBundledDefaults(t.db, Date.now(), nextRelease());
    expect(summary.concepts.sort()).toEqual(["china", "chips"]);
    expect(summary.topics).toEqual(["ascend-chips"]);
    expect(summary.kept).toEqual(["export-controls"]);
    expect((await getTopic(t.db, "export-controls"))!.query).toBe("sanctions");
  });

  it("a fresh seed records its texts: the current release finds nothing to change", async () => {
    expect(await upgradeBundledDefaults(t.db, Date.now())).toEqual({ concepts: [], topics: [], kept: [] });
  });
});
