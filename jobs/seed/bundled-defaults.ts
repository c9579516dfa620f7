import { createHash } from "node:crypto";
import { validateQuery } from "../../core/tagging/compile";
import { countConceptTerms } from "../../core/tagging/concepts";
import { defaultConcepts } from "../../core/tagging/default-concepts";
import { defaultTopics } from "../../core/tagging/default-topics";
import type { Db, Executor } from "../../db/client";
import { conceptDefinitions, getConcept, putConcept } from "../../db/queries/concepts";
import { getSetting, putSetting } from "../../db/queries/settings";
import { getTopic, updateTopic } from "../../db/queries/topics";

/**
 * A database seeded by an earlier release keeps the concepts and topic queries it was seeded with, and the
 * bundled ones improve from release to release. Each seeded text's hash is kept in settings; on every start a
 * stored text that still has the hash of what was seeded (the user never edited it) and differs from the
 * bundled one is replaced by it, which bumps its version and retags what uses it, as an edit would. A text the
 * user edited is never touched.
 */
export interface BundledDefaults {
  concepts: ReadonlyArray<{ name: string; query: string }>;
  topics: ReadonlyArray<{ slug: string; query: string }>;
}

export interface UpgradeSummary {
  /** Concepts and topics replaced by the bundled text. */
  concepts: string[];
  topics: string[];
  /** Edited by the user, so left as they are although the bundled text changed. */
  kept: string[];
}

export const textHash = (text: string): string =>
  createHash("sha256").update(text).digest("hex").slice(0, 32);

const conceptKey = (name: string) => `concept_seeded_hash:${name}`;
const topicKey = (slug: string) => `topic_seeded_hash:${slug}`;

/** Records what the seed wrote, so a later release can tell an unedited text from an edited one. */
export async function recordSeededConcept(db: Executor, name: string, query: string): Promise<void> {
  await putSetting(db, conceptKey(name), textHash(query));
}

export async function recordSeededTopic(db: Executor, slug: string, query: string): Promise<void> {
  await putSetting(db, topicKey(slug), textHash(query));
}

export async function upgradeBundledDefaults(
  db: Db,
  now: number,
  bundled: BundledDefaults = { concepts: defaultConcepts(), topics: defaultTopics },
): Promise<UpgradeSummary> {
  const summary: UpgradeSummary = { concepts: [], topics: [], kept: [] };
  // The topics' seeded hashes are read first: upgrading a concept bumps the version of the topics that use it,
  // which must not read as the user's edit.
  const topicSeeded = await seededTopicHashes(db, bundled.topics);
  // Concepts first: an upgraded topic may use a concept the upgrade brings.
  for (const concept of bundled.concepts) {
    const stored = await getConcept(db, concept.name);
    if (!stored) continue;
    // A database seeded before hashes were kept: a seeded concept still at version 1 was never edited.
    const seeded =
      (await getSetting(db, conceptKey(concept.name))) ??
      (stored.seeded && stored.version === 1 ? textHash(stored.query) : undefined);
    const outcome = decide(stored.query, seeded, concept.query);
    if (outcome === "kept") summary.kept.push(`@${concept.name}`);
    if (outcome === "replace") {
      const query = concept.query;
      await putConcept(db, { name: concept.name, query, termCount: countConceptTerms(query) }, now);
      summary.concepts.push(concept.name);
    }
    if (outcome !== "kept") await recordSeededConcept(db, concept.name, concept.query);
  }
  const concepts = await conceptDefinitions(db);
  for (const topic of bundled.topics) {
    const stored = await getTopic(db, topic.slug);
    if (!stored) continue;
    const outcome = decide(stored.query, topicSeeded.get(topic.slug), topic.query);
    if (outcome === "kept") summary.kept.push(topic.slug);
    if (outcome === "replace") {
      // A bundled query that cannot compile here (the user deleted a concept it uses) waits for the next start.
      if (!compiles(topic.query, concepts)) continue;
      await updateTopic(db, topic.slug, { ...stored, query: topic.query }, now);
      summary.topics.push(topic.slug);
    }
    if (outcome !== "kept") await recordSeededTopic(db, topic.slug, topic.query);
  }
  return summary;
}

/** Slug -> the hash of the query the seed wrote, where it is known. */
async function seededTopicHashes(
  db: Executor,
  topics: BundledDefaults["topics"],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const firstStart = (await getSetting(db, "seeded_at")) !== undefined;
  for (const [index, topic] of topics.entries()) {
    const recorded = await getSetting(db, topicKey(topic.slug));
    if (recorded !== undefined) {
      out.set(topic.slug, recorded);
      continue;
    }
    // Before hashes were kept: the first start created the default topics first (ids 1..n) at version 1; a
    // topic of that slug the user made again later has a later id.
    const stored = await getTopic(db, topic.slug);
    if (firstStart && stored?.version === 1 && stored.id === index + 1)
      out.set(topic.slug, textHash(stored.query));
  }
  return out;
}

/**
 * "same": the stored text is the bundled one; "replace": unedited since seeded and the bundled text moved on;
 * "kept": edited by the user (or never known to be seeded) and the bundled text differs.
 */
function decide(
  stored: string,
  seededHash: string | undefined,
  bundled: string,
): "same" | "replace" | "kept" {
  if (stored === bundled) return "same";
  return seededHash !== undefined && textHash(stored) === seededHash ? "replace" : "kept";
}

function compiles(query: string, concepts: ReadonlyArray<{ name: string; query: string }>): boolean {
  try {
    validateQuery(query, concepts);
    return true;
  } catch {
    return false;
  }
}
