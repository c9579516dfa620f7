import type { Executor } from "../client";
import { type ConceptQuery, conceptDefinitions, conceptVersions } from "./concepts";
import { type TopicQuery, topicQueries, topicVersions } from "./topics";

type Versions = ReadonlyArray<{ id: number; version: number }>;

/** Whoever compiled topics: whether these ids and versions differ from the ones it compiled. */
export interface CompiledTopics {
  topicsStale(versions: Versions): boolean;
  conceptsStale(versions: Versions): boolean;
}

/**
 * The topics' queries and the concepts' texts, read only when their ids or versions moved from what `compiled`
 * holds (the default topics' queries are 71 KB, the concepts' texts tens of kilobytes; the versions a few
 * bytes). The topics come when either moved, the concepts only when they did; nothing when neither did.
 * Without `compiled`, both are read.
 */
export async function topicSetIfMoved(
  db: Executor,
  compiled: CompiledTopics | undefined,
): Promise<{ topics: TopicQuery[]; concepts: ConceptQuery[] | undefined } | undefined> {
  const topicsMoved = compiled?.topicsStale(await topicVersions(db)) ?? true;
  const conceptsMoved = compiled?.conceptsStale(await conceptVersions(db)) ?? true;
  if (!topicsMoved && !conceptsMoved) return undefined;
  return {
    topics: await topicQueries(db),
    concepts: conceptsMoved ? await conceptDefinitions(db) : undefined,
  };
}
