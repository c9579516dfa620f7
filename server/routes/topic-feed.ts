import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { type ArticleRow, listArticles, tagsOfArticles } from "../../db/queries/articles";
import { getTopic } from "../../db/queries/topics";
import type { MatchedTermRow } from "../../db/schema";
import { errorResponses, NoQuery, PUBLIC, SlugParam } from "../api-shapes";
import type { AppDeps } from "../app";
import { type AtomCategory, type AtomEntry, renderAtomFeed, tagUri } from "../atom";
import { notFound } from "../errors";

/** How many articles a topic's feed carries: what a feed reader shows, not an archive. */
export const TOPIC_FEED_SIZE = 50;

const route = createRoute({
  method: "get",
  path: "/topics/{slug}/feed.atom",
  operationId: "getTopicFeed",
  tags: ["topics"],
  security: PUBLIC,
  summary: "Atom 1.0 feed of a topic's newest articles (never the bundled sample's)",
  description:
    "Entry ids are tag: URIs built from the public URL's host and the article id, so they never change and a " +
    "feed reader shows each article once.",
  request: { params: SlugParam, query: NoQuery },
  responses: {
    200: { description: "Atom 1.0", content: { "application/atom+xml": { schema: z.string() } } },
    ...errorResponses(404),
  },
});

export function topicFeedRoutes({ db, config }: AppDeps) {
  return new OpenAPIHono().openapi(route, async (c) => {
    const { slug } = c.req.valid("param");
    const topic = await getTopic(db, slug);
    if (!topic) throw notFound(`no topic '${slug}'`);
    const { rows } = await listArticles(db, {
      topicId: topic.id,
      limit: TOPIC_FEED_SIZE,
      // A reader subscribes to coverage: the sample's invented articles must never reach it as news.
      excludeSample: true,
    });
    const tags = await tagsOfArticles(
      db,
      rows.map((r) => r.id),
    );
    const tagsOf = new Map<number, Array<{ slug: string; terms: MatchedTermRow[] }>>();
    for (const tag of tags) tagsOf.set(tag.articleId, [...(tagsOf.get(tag.articleId) ?? []), tag]);
    const xml = renderAtomFeed({
      id: tagUri(config.publicUrl, `topic/${topic.slug}`),
      title: `${topic.name} · Tidemark`,
      subtitle: topic.description,
      selfUrl: `${config.publicUrl}/api/topics/${encodeURIComponent(topic.slug)}/feed.atom`,
      htmlUrl: `${config.publicUrl}/`,
      fallbackUpdated: topic.updatedAt,
      generator: "Tidemark",
      entries: rows.map((row) => atomEntry(row, tagsOf.get(row.id) ?? [], config.publicUrl)),
    });
    // Cache-Control (a minute: readers poll) comes from the app's cache policy with every other route's.
    return c.body(xml, 200, { "content-type": "application/atom+xml; charset=utf-8" });
  });
}

function atomEntry(
  row: ArticleRow,
  tags: Array<{ slug: string; terms: MatchedTermRow[] }>,
  publicUrl: string,
): AtomEntry {
  return {
    id: tagUri(publicUrl, `article/${row.id}`),
    title: row.title,
    url: row.url,
    summary: row.summary,
    author: row.feedName ?? hostOf(row.url) ?? `feed ${row.feedId}`,
    published: row.publishedAt,
    updated: row.publishedAt,
    categories: tags.flatMap((tag) => categoriesOf(tag, publicUrl)),
  };
}

/** The topic itself, then each distinct matched term under a per-topic scheme, so readers can filter on either. */
function categoriesOf(tag: { slug: string; terms: MatchedTermRow[] }, publicUrl: string): AtomCategory[] {
  const terms = [...new Set(tag.terms.map((t) => t.term))];
  return [
    { term: tag.slug, scheme: tagUri(publicUrl, "topics") },
    ...terms.map((term) => ({ term, scheme: tagUri(publicUrl, `topic/${tag.slug}/terms`) })),
  ];
}

function hostOf(url: string | null): string | undefined {
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
}
