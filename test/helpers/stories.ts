import type { Database } from "../../db/client";

type Row = Record<string, unknown>;

/**
 * What the stories table should hold, recomputed from the articles (count, first article, first and last
 * times), next to what it holds; and what points at nothing: articles without a story or with a missing one,
 * band rows and band keys of deleted articles. Tests compare them after every kind of change.
 */
export async function storiesVersusTruth({ client }: Pick<Database, "client">) {
  const rows = async (sql: string) =>
    ((await client.execute(sql)).rows as unknown as Row[]).map((r) => Object.values(r).map(String).join("|"));
  const truth = await rows(`
    select a.story_id, count(*), (select b.id from articles b where b.story_id = a.story_id
      order by b.published_at, b.id limit 1), min(a.published_at), max(a.published_at)
    from articles a group by a.story_id order by 1`);
  const stored = await rows(`
    select id, article_count, first_article_id, first_published_at, last_published_at from stories order by id`);
  const orphans = await rows(`
    select 'article ' || a.id from articles a where a.story_id is null
      or not exists (select 1 from stories s where s.id = a.story_id)
    union all select 'band ' || b.article_id from story_bands b
      where not exists (select 1 from articles a where a.id = b.article_id)
    union all select 'keys ' || k.article_id from story_keys k
      where not exists (select 1 from articles a where a.id = k.article_id)`);
  return { truth, stored, orphans };
}
