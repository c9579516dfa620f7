import { setImmediate as nextTurn } from "node:timers/promises";
import { storyFingerprint } from "../../core/stories/fingerprint";
import type { ArticleToPlace } from "../../core/stories/placement";
import type { TopicMatcher } from "../../core/tagging/types";
import type { TopicSet, TopicTag, TopicTagger } from "../topics/topic-tagger";
import type { NormalizedArticle } from "./normalize";
import type { DocumentInput, ReadDocument } from "./read-document";

/** Tags and story fingerprints of a document's entries, computed before the store (store-articles.ts). */
export interface PreparedEntries {
  /** The topic set the tags were computed under: the store uses them only if it reads the same. */
  signature: string | undefined;
  /** By the entry's index; undefined when untagged. */
  tags: Array<TopicTag[] | undefined>;
  stories: ArticleToPlace[];
  /** Topics left out because their query does not compile. */
  broken: TopicMatcher["broken"];
}

/** A document read, its entries tagged and fingerprinted. */
export interface PreparedDocument extends ReadDocument {
  prepared: PreparedEntries;
}

export interface PrepareInput extends DocumentInput {
  /** The topics to tag with; absent, nothing is tagged. */
  topics: TopicSet | undefined;
}

/** Reads and prepares a document: in this thread (prepareDocument) or in the document worker. */
export type DocumentPreparer = (input: PrepareInput) => Promise<PreparedDocument>;

const CHUNK = 100;

/**
 * Tags every entry (with `tagWith`'s topics, when given) and fingerprints it for the story index, a chunk at a
 * time with the event loop's turn in between: tagging 2,000 entries in one go held up a server's HTTP loop for a
 * tenth of a second. Entries the store finds stored as they are need neither; doing them anyway, in the document
 * worker, costs that thread some 45-80 µs an entry, and spares the store's thread a lookup and a round trip to
 * the worker per feed, which was the pass's bottleneck (issue 12).
 */
export async function prepareEntries(
  tagWith: TopicTagger | undefined,
  articles: readonly NormalizedArticle[],
): Promise<PreparedEntries> {
  const tags: Array<TopicTag[] | undefined> = [];
  const stories: ArticleToPlace[] = [];
  for (let i = 0; i < articles.length; i += CHUNK) {
    for (const article of articles.slice(i, i + CHUNK)) {
      tags.push(tagWith?.topicsOf(article));
      stories.push(storyFingerprint(article));
    }
    await nextTurn();
  }
  // No entry, no compile: an empty document says nothing of the topics.
  if (!tagWith || articles.length === 0) return { signature: undefined, tags, stories, broken: [] };
  return { signature: tagWith.signature, tags, stories, broken: tagWith.broken };
}
