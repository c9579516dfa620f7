import { type ArticleToPlace, PLACEMENT } from "../../core/stories/placement";
import type { Db } from "../../db/client";
import { type CandidateSnapshot, readCandidateSnapshot } from "../../db/queries/story-candidates";

/**
 * The document worker's connection for reading story candidates ahead of the store (story-candidates.ts): opened
 * on request, in the background, and kept. The database client is loaded only then, so a thread that is never
 * asked (tests, a remote database) never loads it, and one that is loads it after its first documents, which the
 * store waits for.
 */
export class CandidateReader {
  #url: string | undefined;
  #db: Db | undefined;
  #opening: string | undefined;

  /** The open connection to `url`, if it is open; undefined while it opens or when it could not. */
  db(url: string): Db | undefined {
    return this.#url === url ? this.#db : undefined;
  }

  /** Closes the connection; the next request opens one again. */
  close(): void {
    this.#db?.$client.close();
    this.#db = undefined;
    this.#url = undefined;
    this.#opening = undefined;
  }

  /**
   * Opens a connection to `url`, closing one to another database (a failure is not tried again: the store
   * then reads its candidates itself).
   */
  open(url: string): void {
    if (this.#opening === url || this.#url === url) return;
    this.#opening = url;
    void (async () => {
      let db: Db | undefined;
      try {
        const { openDatabase } = await import("../../db/client");
        // SQLite's own page cache (2 MiB), not the store's 16 MiB: this thread is the less busy one, and the
        // server's memory is counted (a warm pass over 100 feeds of 200 entries took the same time either way).
        db = (await openDatabase({ url })).db;
      } catch {
        db = undefined;
      }
      if (this.#opening !== url) return db?.$client.close();
      this.#db?.$client.close();
      this.#db = db;
      this.#url = url;
      this.#opening = undefined;
    })();
  }
}

/** A document's entries' candidates, or none when the read fails: the store then reads them itself. */
export async function readCandidatesAhead(
  db: Db,
  stories: readonly ArticleToPlace[],
): Promise<CandidateSnapshot | undefined> {
  try {
    return await readCandidateSnapshot(db, stories, PLACEMENT.windowMs);
  } catch {
    return undefined;
  }
}
