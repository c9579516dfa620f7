import { compileTopics } from "../../core/tagging/compile";
import type { ArticleText, TopicMatcher } from "../../core/tagging/types";
import type { Executor } from "../../db/client";
import type { ConceptQuery } from "../../db/queries/concepts";
import { type CompiledTopics, topicSetIfMoved } from "../../db/queries/topic-set";
import type { TopicQuery } from "../../db/queries/topics";

export interface TagRow {
  articleId: number;
  topicId: number;
  publishedAt: number;
  terms: Array<{ term: string; field: "title" | "summary"; start: number; end: number }>;
}

/** A tag before its article has an id (an article about to be inserted). */
export type TopicTag = Omit<TagRow, "articleId">;

/**
 * The topics and concepts as read, named by their ids and versions: what another thread needs to compile the
 * same matcher (the document worker tags there), and to tell that it already has.
 */
export interface TopicSet {
  signature: string;
  topics: readonly TopicQuery[];
  concepts: readonly ConceptQuery[];
}

const versionsOf = (concepts: ReadonlyArray<{ id: number; version: number }>) =>
  concepts.map((c) => `${c.id}:${c.version}`).join(",");

/**
 * The compiled matcher for every topic, kept in step with the topics and concepts tables. `refresh` reads the
 * topics and concepts; a version that moved (a topic's query or a concept's terms) makes the matcher stale, so
 * a topic or concept edited through the API from another process is applied from the next transaction on.
 * The matcher is compiled when it is first used, not when read: where the document worker tags (its own copy,
 * from `topicSet`), this thread compiles only if the topics change between the worker's tags and the store.
 */
export class TopicTagger implements CompiledTopics {
  #signature = "|";
  #loaded = false;
  #topics: readonly TopicQuery[] = [];
  #concepts: readonly ConceptQuery[] = [];
  #compiled: { signature: string; matcher: TopicMatcher; ids: Map<string, number> } | undefined;
  /** Topics that did not compile, as whoever compiled the current signature found them. */
  #broken: { signature: string; broken: TopicMatcher["broken"] } | undefined;

  /** The topics and concepts last read: tags computed under one signature hold while it stays the same. */
  get signature(): string {
    return this.#signature;
  }

  /** Whether topics were ever read into this tagger. */
  get loaded(): boolean {
    return this.#loaded;
  }

  /** The topics and concepts last read, for a matcher compiled elsewhere. */
  topicSet(): TopicSet {
    return { signature: this.#signature, topics: this.#topics, concepts: this.#concepts };
  }

  /** Whether topics of these ids and versions differ from the ones this tagger holds. */
  topicsStale(versions: ReadonlyArray<{ id: number; version: number }>): boolean {
    return !this.#loaded || versionsOf(versions) !== versionsOf(this.#topics);
  }

  /** Whether concepts of these ids and versions differ from the ones this tagger holds. */
  conceptsStale(versions: ReadonlyArray<{ id: number; version: number }>): boolean {
    return versionsOf(versions) !== versionsOf(this.#concepts);
  }

  /**
   * Reads the topics' queries and the concepts' texts only when their ids or versions moved: they are kilobytes
   * and tens of kilobytes, and a store without prepared tags refreshes once per feed.
   */
  async refresh(db: Executor): Promise<void> {
    const moved = await topicSetIfMoved(db, this);
    if (moved) this.load(moved.topics, moved.concepts);
  }

  /**
   * Takes the topics and concepts as read (the store reads them in its own transaction). A concept's id is in
   * the signature too: one deleted and made again starts at version 1 anew.
   */
  load(rows: readonly TopicQuery[], concepts?: readonly ConceptQuery[]): void {
    // Without concepts, the ones of the last load stand (the store reads them only when they changed).
    const current = concepts ?? this.#concepts;
    this.#signature = `${versionsOf(rows)}|${versionsOf(current)}`;
    this.#topics = rows;
    this.#concepts = current;
    this.#loaded = true;
  }

  /** The matcher of the topics last read, compiled now if they changed since it last was. */
  #matcher(): { matcher: TopicMatcher; ids: Map<string, number> } {
    if (this.#compiled?.signature !== this.#signature) {
      // A stored query that no longer compiles (saved before a limit existed, or naming a concept since
      // removed) must not stop ingest: that topic is left out and reported, every other topic still tags.
      const matcher = compileTopics(this.#topics, { skipBroken: true, concepts: this.#concepts });
      this.#compiled = {
        signature: this.#signature,
        matcher,
        ids: new Map(this.#topics.map((r) => [r.slug, r.id])),
      };
      this.#broken = { signature: this.#signature, broken: matcher.broken };
    }
    return this.#compiled;
  }

  /** Topics left out of tagging because their query does not compile, with the reason. */
  get broken(): TopicMatcher["broken"] {
    if (this.#broken?.signature === this.#signature) return this.#broken.broken;
    return this.#matcher().matcher.broken;
  }

  /**
   * The topics left out as far as a compile of the current topics, here or in another thread, has found them;
   * undefined when none has compiled them (a pass that stored nothing need not compile to report).
   */
  get brokenIfCompiled(): TopicMatcher["broken"] | undefined {
    return this.#broken?.signature === this.#signature ? this.#broken.broken : undefined;
  }

  /** What another thread's compile of `signature` left out, so `broken` need not compile it here again. */
  compiledElsewhere(signature: string, broken: TopicMatcher["broken"]): void {
    this.#broken = { signature, broken };
  }

  /** The topics an article is tagged with, and the terms that matched. */
  topicsOf(article: ArticleText & { publishedAt: number }): TopicTag[] {
    const { matcher, ids } = this.#matcher();
    return matcher.match(article).flatMap((m) => {
      const topicId = ids.get(m.slug);
      return topicId === undefined ? [] : [{ topicId, publishedAt: article.publishedAt, terms: m.terms }];
    });
  }

  tag(articleId: number, article: ArticleText & { publishedAt: number }): TagRow[] {
    return this.topicsOf(article).map((t) => ({ articleId, ...t }));
  }
}
