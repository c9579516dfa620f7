import type { Client } from "@libsql/client";
import Parser from "rss-parser";

/** A feed of the floor: where it is served, and whether it is a JSON Feed (read with JSON.parse). */
export interface FloorFeed {
  url: string;
  json: boolean;
}

/**
 * The ingest bench's floor: fetch each feed, bare rss-parser (JSON.parse for JSON Feed), one libSQL batch per
 * feed into the articles table of the migrated schema (its full-text triggers included). `rowsPerStatement` 1 is
 * one INSERT per entry; 400 packs them into multi-row INSERTs. In the bench's process (ingest.bench.ts) and as a
 * process of its own (floor-process.ts), so the CLI, a process too, has a floor that also starts cold.
 */
export async function floorPass(
  client: Client,
  feeds: readonly FloorFeed[],
  rowsPerStatement: number,
): Promise<void> {
  const parser = new Parser();
  for (const [i, feed] of feeds.entries()) {
    const text = await (await fetch(feed.url)).text();
    const items: Array<{
      title?: string;
      link?: string;
      guid?: string;
      content?: string;
      isoDate?: string;
    }> = feed.json
      ? JSON.parse(text).items.map((it: Record<string, string>) => ({
          title: it.title,
          link: it.url,
          guid: it.id,
          content: it.summary,
        }))
      : (await parser.parseString(text)).items;
    const { lastInsertRowid } = await client.execute({
      sql: "insert into feeds (url) values (?)",
      args: [`https://floor.example/${i}`],
    });
    const statements = [];
    for (let r = 0; r < items.length; r += rowsPerStatement) {
      const chunk = items.slice(r, r + rowsPerStatement);
      statements.push({
        sql: `insert into articles (feed_id, entry_key, guid, url, title, summary, published_at, date_source, first_seen_at, updated_at, content_hash)
                values ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, 'feed', 0, 0, '')").join(", ")}`,
        args: chunk.flatMap((it, n) => [
          Number(lastInsertRowid),
          it.guid ?? `${i}-${r + n}`,
          it.guid ?? null,
          it.link ?? null,
          it.title ?? "",
          it.content ?? "",
          Date.parse(it.isoDate ?? "") || 0,
        ]),
      });
    }
    await client.batch(statements, "write");
  }
}
