import { chooseTopics } from "../../core/coverage/coverage-request";
import { DomainError } from "../../core/errors";
import { instantRange } from "../../core/time/date-range";
import type { Executor } from "../../db/client";
import {
  countSelectedArticles,
  decodeCursor,
  encodeCursor,
  listArticles,
  tagsOfArticles,
} from "../../db/queries/articles";
import { resolveScopeIn } from "../../db/queries/feeds";
import { planSearch } from "../../db/queries/search-query";
import { getTopic, listTopicNames } from "../../db/queries/topics";
import type { MatchedTermRow } from "../../db/schema";

/** The validated query of GET /api/articles (server/routes/articles.ts), as plain data a worker can be sent. */
export interface ArticlesQuery {
  topic?: string | undefined;
  topics?: string | undefined;
  q?: string | undefined;
  feed?: string | undefined;
  folder?: string | undefined;
  lang?: string | undefined;
  country?: string | undefined;
  region?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  cursor?: string | undefined;
  total?: "1" | undefined;
}

interface TopicTag {
  slug: string;
  terms: MatchedTermRow[];
}

/** One page of GET /api/articles, read in the calling thread (a read worker, or in-process: see reads.ts). */
export async function answerArticles(db: Executor, q: ArticlesQuery) {
  const cursor = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
  if (q.cursor !== undefined && !cursor) throw invalid("cursor: not a cursor from this API");
  const { from, toExclusive: to } = instantRange(q);
  if (q.topic !== undefined && q.topics !== undefined)
    throw invalid("topics: give topic or topics, not both");
  const topic = q.topic === undefined ? undefined : await getTopic(db, q.topic);
  if (q.topic !== undefined && !topic) throw invalid(`topic: no topic '${q.topic}'`);
  const anyOf = q.topics?.trim()
    ? chooseTopics(await listTopicNames(db), q.topics).map((t) => t.id)
    : undefined;
  const search = q.q === undefined ? undefined : planSearch(q.q);
  if (search && !search.ok) throw invalid(`q: ${search.message}`);
  const scope = await resolveScopeIn(db, q);
  const selected = {
    topicId: topic?.id,
    topicIds: anyOf,
    feedIds: scope.feedIds,
    langs: scope.langs,
    from,
    to,
    search: search?.plan,
  };
  const { rows, next } = await listArticles(db, { ...selected, limit: q.limit, cursor });
  const total = q.total === "1" ? await countSelectedArticles(db, selected) : undefined;
  const tags = await tagsOfArticles(
    db,
    rows.map((r) => r.id),
  );
  const topicsOf = new Map<number, TopicTag[]>();
  for (const tag of tags) {
    const list = topicsOf.get(tag.articleId) ?? [];
    list.push({ slug: tag.slug, terms: tag.terms });
    topicsOf.set(tag.articleId, list);
  }
  return {
    items: rows.map((row) => ({
      id: row.id,
      url: row.url,
      title: row.title,
      summary: row.summary,
      author: row.author,
      source: { id: row.feedId, name: row.feedName, country: row.feedCountry },
      lang: row.lang,
      publishedAt: new Date(row.publishedAt).toISOString(),
      firstSeenAt: new Date(row.firstSeenAt).toISOString(),
      topics: topicsOf.get(row.id) ?? [],
      storyId: row.storyId,
      sample: row.isSample,
    })),
    nextCursor: next ? encodeCursor(next) : null,
    ...(total === undefined ? {} : { total }),
  };
}

// Not server/errors.ts or api-shapes.ts: a read worker loads this module, and those bring Hono and zod-openapi
// into every worker's heap for one constructor.
const invalid = (message: string) => new DomainError("invalid_request", message);
