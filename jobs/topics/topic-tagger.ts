import { compileTopics } from "../../core/tagging/compile";
import type { ArticleText, TopicMatcher } from "../../core/tagging/types";
import type { Executor } from "../../db/client";
import { type ConceptQuery, conceptDefinitions, conceptVersions } from "../../db/queries/concepts";
import { type TopicQuery, topicQueries } from "../../db/queries/topics";

export interface TagRow {
  articleId: number;
  topicId: number;
  publishedAt: number;
  terms: Array<{ term: string; field: "title" | "summary"; start: number; end: number }>;
}

/** A tag before its article has an id (an article about to be inserted). */
export type TopicTag = Omit<TagRow, "articleId">;

const versionsOf = (concepts: ReadonlyArray<{ id: number; version: number }>) =>
  concepts.map((c) => `${c.id}:${c.version}`).join(",");

/**
 * The compiled matcher for every topic, kept in step with the topics and concepts tables. `refresh` reads the
 * topics and concepts and recompiles only when a version changed (a topic's query or a concept's terms), so a
 * topic or concept edited through the API from another process is applied from the next transaction on.
 */
export class TopicTagger {
  #signature = "";
  #matcher: TopicMatcher = compileTopics([]);
  #ids = new Map<string, number>();
  #concepts: readonly ConceptQuery[] = [];
  #compilations = 0;

  /** Grows each time the matcher is recompiled: tags computed under one value hold while it stays the same. */
  get compilations(): number {
    return this.#compilations;
  }

  /** Whether concepts of these ids and versions differ from the ones this tagger compiled with. */
  conceptsStale(versions: ReadonlyArray<{ id: number; version: number }>): boolean {
    return versionsOf(versions) !== versionsOf(this.#concepts);
  }

  /**
   * Reads the topics, and the concepts' texts only when their ids or versions moved: they are tens of kilobytes,
   * and the store refreshes once per feed.
   */
  async refresh(db: Executor): Promise<void> {
    const topics = await topicQueries(db);
    const stale = this.conceptsStale(await conceptVersions(db));
    this.load(topics, stale ? await conceptDefinitions(db) : undefined);
  }

  /**
   * Takes the topics and concepts as read (the store reads them in its own transaction); recompiles only on
   * a change. A concept's id is in the signature too: one deleted and made again starts at version 1 anew.
   */
  load(rows: TopicQuery[], concepts?: readonly ConceptQuery[]): void {
    // Without concepts, the ones of the last load stand (the store reads them only when they changed).
    const current = concepts ?? this.#concepts;
    const signature = `${rows.map((r) => `${r.id}:${r.version}`).join(",")}|${versionsOf(current)}`;
    this.#concepts = current;
    if (signature === this.#signature) return;
    // A stored query that no longer compiles (saved before a limit existed, or naming a concept since
    // removed) must not stop ingest: that topic is left out and reported, every other topic still tags.
    this.#matcher = compileTopics(rows, { skipBroken: true, concepts: current });
    this.#ids = new Map(rows.map((r) => [r.slug, r.id]));
    this.#signature = signature;
    this.#compilations++;
  }

  /** Topics left out of tagging because their query does not compile, with the reason. */
  get broken(): TopicMatcher["broken"] {
    return this.#matcher.broken;
  }

  /** The topics an article is tagged with, and the terms that matched. */
  topicsOf(article: ArticleText & { publishedAt: number }): TopicTag[] {
    return this.#matcher.match(article).flatMap((m) => {
      const topicId = this.#ids.get(m.slug);
      return topicId === undefined ? [] : [{ topicId, publishedAt: article.publishedAt, terms: m.terms }];
    });
  }

  tag(articleId: number, article: ArticleText & { publishedAt: number }): TagRow[] {
    return this.topicsOf(article).map((t) => ({ articleId, ...t }));
  }
}
