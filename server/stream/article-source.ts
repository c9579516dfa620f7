import type { Db } from "../../db/client";
import { tagsOfArticles } from "../../db/queries/articles";
import { articlesAfter, latestArticleId, type StreamArticleRow } from "../../db/queries/stream";
import type { ArticleSource, StreamArticle } from "./article-hub";

/**
 * The stream's view of the articles table. Only tagged articles are streamed (the stream is of "newly tagged
 * articles": untagged coverage matches no topic anyone follows), and never sample articles: they are fiction
 * loaded at first start, not news.
 */
export function databaseArticleSource(db: Db): ArticleSource {
  return {
    latestId: () => latestArticleId(db),
    async after(afterId, limit) {
      const rows = await articlesAfter(db, afterId, limit);
      const lastId = rows.at(-1)?.id ?? afterId;
      const real = rows.filter((row) => !row.isSample);
      return { lastId, full: rows.length >= limit, articles: await withTopics(db, real) };
    },
  };
}

/** Rows with their topics, dropping the ones that have none. Tags are committed with their article, so a
 * visible article already has all of its tags. */
export async function withTopics(db: Db, rows: readonly StreamArticleRow[]): Promise<StreamArticle[]> {
  const tags = await tagsOfArticles(
    db,
    rows.map((r) => r.id),
  );
  const topicsOf = new Map<number, StreamArticle["topics"]>();
  for (const tag of tags) {
    topicsOf.set(tag.articleId, [
      ...(topicsOf.get(tag.articleId) ?? []),
      { slug: tag.slug, terms: tag.terms },
    ]);
  }
  return rows.flatMap((row) => {
    const topics = topicsOf.get(row.id);
    if (!topics) return [];
    return [
      {
        id: row.id,
        title: row.title,
        url: row.url,
        source: { id: row.feedId, name: row.feedName },
        lang: row.lang,
        publishedAt: new Date(row.publishedAt).toISOString(),
        storyId: row.storyId,
        topics,
      },
    ];
  });
}
