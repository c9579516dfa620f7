import { inArray } from "drizzle-orm";
import { compileTopics } from "../../core/tagging/compile";
import type { ArticleText, TopicMatcher } from "../../core/tagging/types";
import type { Executor } from "../../db/client";
import { topicQueries } from "../../db/queries/topics";
import { articleTopics } from "../../db/schema";

export interface TagRow {
  articleId: number;
  topicId: number;
  publishedAt: number;
  terms: Array<{ term: string; field: "title" | "summary"; start: number; end: number }>;
}

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
    const rows = await topicQueries(db);
    const signature = rows.map((r) => `${r.id}:${r.version}`).join(",");
    if (signature === this.#signature) return;
    this.#matcher = compileTopics(rows);
    this.#ids = new Map(rows.map((r) => [r.slug, r.id]));
    this.#signature = signature;
  }

  tag(articleId: number, article: ArticleText & { publishedAt: number }): TagRow[] {
    return this.#matcher.match(article).flatMap((m) => {
      const topicId = this.#ids.get(m.slug);
      return topicId === undefined
        ? []
        : [{ articleId, topicId, publishedAt: article.publishedAt, terms: m.terms }];
    });
  }
}

const WRITE_CHUNK = 300;

/**
 * Writes tags inside the articles' transaction. `retagged` are articles that had tags before (a changed
 * headline): their old tags go first.
 */
export async function writeTags(db: Executor, rows: readonly TagRow[], retagged: readonly number[] = []) {
  for (let i = 0; i < retagged.length; i += WRITE_CHUNK) {
    await db
      .delete(articleTopics)
      .where(inArray(articleTopics.articleId, retagged.slice(i, i + WRITE_CHUNK)));
  }
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    await db.insert(articleTopics).values(rows.slice(i, i + WRITE_CHUNK));
  }
}
