import { compileTopics } from "../../core/tagging/compile";
import type { ArticleText, TopicMatcher } from "../../core/tagging/types";
import type { Executor } from "../../db/client";
import { type TopicQuery, topicQueries } from "../../db/queries/topics";

export interface TagRow {
  articleId: number;
  topicId: number;
  publishedAt: number;
  terms: Array<{ term: string; field: "title" | "summary"; start: number; end: number }>;
}

/** A tag before its article has an id (an article about to be inserted). */
export type TopicTag = Omit<TagRow, "articleId">;

/**
 * The compiled matcher for every topic, kept in step with the topics table. `refresh` reads the topics'
 * versions (one small query) and recompiles only when one changed, so a topic edited through the API from
 * another process is applied from the next transaction on.
 */
export class TopicTagger {
  #signature = "";
  #matcher: TopicMatcher = compileTopics([]);
  #ids = new Map<string, number>();

  async refresh(db: Executor): Promise<void> {
    this.load(await topicQueries(db));
  }

  /** Takes the topics as read (the store reads them in its own transaction); recompiles only on a change. */
  load(rows: TopicQuery[]): void {
    const signature = rows.map((r) => `${r.id}:${r.version}`).join(",");
    if (signature === this.#signature) return;
    // A stored query that no longer compiles (saved before a limit existed) must not stop ingest: that topic
    // is left out and reported, every other topic still tags.
    this.#matcher = compileTopics(rows, { skipBroken: true });
    this.#ids = new Map(rows.map((r) => [r.slug, r.id]));
    this.#signature = signature;
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
