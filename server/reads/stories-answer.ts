import { DomainError } from "../../core/errors";
import { instantRange } from "../../core/time/date-range";
import type { Executor } from "../../db/client";
import { resolveScopeIn } from "../../db/queries/feeds";
import {
  decodeStoryCursor,
  encodeStoryCursor,
  listStories,
  type StoryRow,
  type StorySort,
} from "../../db/queries/stories";
import { getTopic } from "../../db/queries/topics";

/** The validated request of GET /api/stories (server/routes/stories.ts), as plain data. */
export interface StoriesQuery {
  topic?: string | undefined;
  topics?: string | undefined;
  feed?: string | undefined;
  folder?: string | undefined;
  country?: string | undefined;
  region?: string | undefined;
  lang?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort: StorySort;
  limit: number;
  cursor?: string | undefined;
}

/**
 * A page of stories, read in the calling thread (a read worker, or in-process: see reads.ts). A selection of a
 * busy quarter's topics matches the stories of a hundred thousand tagged articles at a million, and the
 * dashboard asks for it on every view, so it is a read worker's job and not the HTTP thread's.
 */
export async function answerStories(db: Executor, q: StoriesQuery) {
  const cursor = q.cursor === undefined ? undefined : decodeStoryCursor(q.cursor, q.sort);
  if (q.cursor !== undefined && !cursor)
    throw new DomainError("invalid_request", `cursor: not a cursor from this API for sort=${q.sort}`);
  const { from, toExclusive: to } = instantRange(q);
  const slugs = [...new Set([...(q.topic === undefined ? [] : [q.topic]), ...listOf(q.topics)])];
  const topicIds: number[] = [];
  for (const slug of slugs) {
    const topic = await getTopic(db, slug);
    if (!topic)
      throw new DomainError(
        "invalid_request",
        `${q.topic === slug ? "topic" : "topics"}: no topic '${slug}'`,
      );
    topicIds.push(topic.id);
  }
  const { langs, feedIds } = await resolveScopeIn(db, q);
  const { rows, next } = await listStories(db, {
    topicIds: slugs.length > 0 ? topicIds : undefined,
    feedIds,
    langs,
    from,
    to,
    sort: q.sort,
    limit: q.limit,
    cursor,
  });
  return { items: rows.map(storyShape), nextCursor: next ? encodeStoryCursor(next) : null };
}

/** A story as the API answers it, in a list or alone. */
export const storyShape = (row: StoryRow) => ({
  id: row.id,
  title: row.title,
  lang: row.lang === "" ? null : row.lang,
  articles: row.articles,
  outlets: row.outlets,
  countries: row.countries,
  firstSeenAt: iso(row.firstPublishedAt),
  firstSource: { id: row.firstSourceId, name: row.firstSourceName },
  lastSeenAt: iso(row.lastPublishedAt),
  spark: { stepMinutes: row.spark.stepMs / 60_000, counts: row.spark.counts },
});

const listOf = (value: string | undefined): string[] =>
  (value ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

// Not api-shapes.ts's isoTime: a read worker loads this module, and that one brings zod-openapi along.
const iso = (ms: number) => new Date(ms).toISOString();
