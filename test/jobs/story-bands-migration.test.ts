import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";

const MIGRATIONS = fileURLToPath(new URL("../../db/migrations", import.meta.url));
const WEEK_MS = 7 * 86_400_000;

/** A copy of the committed migrations up to and including `last` (its journal cut there). */
function migrationsUpTo(last: number): string {
  const dir = mkdtempSync(join(tmpdir(), "tidemark-migrations-"));
  cpSync(MIGRATIONS, dir, { recursive: true });
  const journalPath = join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: Array<{ idx: number }> };
  journal.entries = journal.entries.filter((e) => e.idx <= last);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

describe("the story band index's move to (week, key, time, article) without rowid (0014-0016)", () => {
  const cleanup: Array<() => void> = [];
  afterEach(() => {
    for (const done of cleanup.splice(0)) done();
  });

  it("converts the band rows stored before, and an article deleted afterwards takes its rows with it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tidemark-test-"));
    const old = migrationsUpTo(13);
    cleanup.push(
      () => rmSync(dir, { recursive: true, force: true }),
      () => rmSync(old, { recursive: true }),
    );
    const database = await openDatabase({ url: `file:${join(dir, "tidemark.db")}` });
    cleanup.push(() => database.close());
    await migrate(database.db, { migrationsFolder: old });
    const { client } = database;
    await client.execute("insert into feeds (id, url) values (1, 'https://example.com/feed')");
    // Two articles in two weeks, as the old layout stored them: row id = article id * 32 + band.
    const times = [WEEK_MS * 2900 - 1, WEEK_MS * 2900 + 5];
    const keysOf = (article: number) => [0, 1, 2].map((band) => 2 ** 52 + article * 1000 + band);
    for (const [i, at] of times.entries()) {
      const id = i + 1;
      await client.execute({
        sql: `insert into stories (id, lang, article_count, first_article_id, first_published_at, last_published_at)
              values (?, 'en', 0, 0, ?, ?)`,
        args: [id, at, at],
      });
      await client.execute({
        sql: `insert into articles (id, feed_id, entry_key, title, summary, published_at, date_source, first_seen_at,
                updated_at, content_hash, story_id)
              values (?, 1, ?, 't', 's', ?, 'feed', 0, 0, '', ?)`,
        args: [id, `e${id}`, at, id],
      });
      for (const [band, key] of keysOf(id).entries()) {
        await client.execute({
          sql: "insert into story_bands (id, key, published_at) values (?, ?, ?)",
          args: [id * 32 + band, key, at],
        });
      }
    }

    await migrateDatabase(database);

    const bands = await client.execute(
      "select week, key, published_at, article_id from story_bands order by article_id, key",
    );
    expect(bands.rows.map((r) => [r.week, r.key, r.published_at, r.article_id].map(Number))).toEqual(
      [1, 2].flatMap((id) =>
        keysOf(id).map((key) => [Math.trunc(times[id - 1]! / WEEK_MS), key, times[id - 1], id]),
      ),
    );
    const keys = await client.execute("select article_id, published_at, keys from story_keys order by 1");
    expect(
      keys.rows.map((r) => [Number(r.article_id), Number(r.published_at), JSON.parse(String(r.keys))]),
    ).toEqual([1, 2].map((id) => [id, times[id - 1], keysOf(id)]));
    const layout = await client.execute("select sql from sqlite_master where name = 'story_bands'");
    expect(String(layout.rows[0]!.sql)).toMatch(/WITHOUT ROWID/i);

    await client.execute("delete from articles where id = 2");
    const left = await client.execute("select distinct article_id from story_bands");
    expect(left.rows.map((r) => Number(r.article_id))).toEqual([1]);
    const leftKeys = await client.execute("select article_id from story_keys");
    expect(leftKeys.rows.map((r) => Number(r.article_id))).toEqual([1]);
  });
});
