import { countConceptTerms } from "../../core/tagging/concepts";
import { defaultConcepts } from "../../core/tagging/default-concepts";
import { defaultTopics } from "../../core/tagging/default-topics";
import type { Db } from "../../db/client";
import { addConceptIfMissing } from "../../db/queries/concepts";
import { addFeeds, isEmptyDatabase } from "../../db/queries/feeds";
import { setSettingOnce } from "../../db/queries/settings";
import { addStoryEvent } from "../../db/queries/timeline";
import { createTopic } from "../../db/queries/topics";
import type { IngestContext } from "../ingest/ingest-feed";
import { loadSample } from "../sample/load-sample";
import { recordSeededConcept, recordSeededTopic, upgradeBundledDefaults } from "./bundled-defaults";
import { defaultFeeds } from "./default-feeds";

/** The story's turning points, drawn on the dashboard's time axis. */
const storyEvents = [
  { at: Date.UTC(2025, 0, 20), label: "DeepSeek releases R1", topicSlug: "r1-release" },
  { at: Date.UTC(2025, 0, 27), label: "Nvidia loses $589bn in a day", topicSlug: "nvidia-valuation" },
];

export interface SeedOptions {
  defaultFeeds: boolean;
  sampleData: boolean;
}

export interface SeedSummary {
  seeded: boolean;
  feedsAdded: number;
  sampleArticles: number;
}

/**
 * First start only: on an empty database, add the default topics, the curated outlets and the sample coverage
 * (tagged as it loads), so
 * `npm start` shows a populated dashboard at once. A settings row marks the seeding done, so a user who later
 * removes every feed does not get them back on the next restart, and two processes starting together seed once.
 */
export async function seedFirstStart(ctx: IngestContext, options: SeedOptions): Promise<SeedSummary> {
  // Before the topics: a default topic may use a concept, and the sample is tagged as it loads.
  const conceptsAdded = await seedDefaultConcepts(ctx.db, (ctx.now ?? Date.now)());
  if (conceptsAdded > 0) ctx.log.info({ conceptsAdded }, "default concepts added");
  // A database seeded by an earlier release gets this release's concepts and queries where the user never
  // edited them.
  const upgraded = await upgradeBundledDefaults(ctx.db, (ctx.now ?? Date.now)());
  if (upgraded.concepts.length + upgraded.topics.length > 0) {
    ctx.log.info(
      upgraded,
      "bundled concepts and topic queries updated; the topics that use them are retagged",
    );
  }
  const none = { seeded: false, feedsAdded: 0, sampleArticles: 0 };
  if (!(await isEmptyDatabase(ctx.db))) return none;
  if (!(await setSettingOnce(ctx.db, "seeded_at", new Date((ctx.now ?? Date.now)()).toISOString())))
    return none;
  await createSeededTopics(ctx.db);
  for (const event of storyEvents) await addStoryEvent(ctx.db, event);
  const feedsAdded = options.defaultFeeds ? await addFeeds(ctx.db, defaultFeeds) : 0;
  const sampleArticles = options.sampleData ? (await loadSample(ctx)).articles : 0;
  ctx.log.info({ feedsAdded, sampleArticles }, "first start: database seeded");
  return { seeded: true, feedsAdded, sampleArticles };
}

/**
 * The default topics with the bundled concepts their queries use (each concept offered once, as on every
 * start), for a database that did not come through `seedFirstStart`: tests and benchmarks.
 */
export async function createDefaultTopics(db: Db, now = Date.now()): Promise<void> {
  await seedDefaultConcepts(db, now);
  await createSeededTopics(db);
}

/** Creates the default topics, each with the hash of its query, so a later release can upgrade it. */
async function createSeededTopics(db: Db): Promise<void> {
  for (const topic of defaultTopics) {
    await db.transaction(async (tx) => {
      await createTopic(tx, topic);
      await recordSeededTopic(tx, topic.slug, topic.query);
    });
  }
}

/**
 * Adds each bundled concept once per database, on every start, so a database made before a concept existed
 * gets it too. A settings row per concept records that it was offered: a user who deletes it does not get it
 * back on the next restart, and a concept of that name the user made first is kept. Returns how many it added.
 */
export async function seedDefaultConcepts(db: Db, now: number): Promise<number> {
  let added = 0;
  for (const concept of defaultConcepts()) {
    // One transaction per concept: the mark and the row together, so a crash between them loses neither.
    const fresh = await db.transaction(async (tx) => {
      if (!(await setSettingOnce(tx, `concept_seeded:${concept.name}`, new Date(now).toISOString()))) {
        return false;
      }
      await recordSeededConcept(tx, concept.name, concept.query);
      return addConceptIfMissing(tx, {
        name: concept.name,
        description: concept.description,
        query: concept.query,
        termCount: countConceptTerms(concept.query),
        seeded: true,
      });
    });
    if (fresh) added++;
  }
  return added;
}
