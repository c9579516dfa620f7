import { sql } from "drizzle-orm";
import type { Db, Executor } from "../client";
import { BAND_WEEK_MS } from "../schema";

/**
 * The band keys of the newest stored articles, held in memory instead of the story_bands index until there are
 * BAND_TAIL_ARTICLES of them: then one store moves them all into the index in one sorted insert.
 *
 * Why: a feed's store inserted each new article's 16 band rows into the index, whose keys are random, so one
 * feed's rows landed on pages all over it, and every commit wrote those pages to the write-ahead log again
 * (100 feeds x 200 entries: ~280 MB of log for the band rows alone). Each article's keys are written anyway, to
 * story_keys, which is appended in id order: a few pages a store. The tail is read from there.
 *
 * The line between the two is the setting `stories.bands_through`: every story_keys row up to that article id
 * has its band rows; the rows above it (the tail) may not. Nothing else is needed for a crash: the tail is
 * story_keys' rows above the line, whichever process wrote them, and a process reads it again as it starts.
 * Story lookups take the index and the tail together (story-placement.ts), so they find what they found when
 * every store wrote its band rows.
 */

/** Articles in the tail at which a store moves them into the index: 160,000 band rows, ~16 MB in memory. */
export const BAND_TAIL_ARTICLES = 10_000;

const THROUGH_KEY = "stories.bands_through";

/**
 * One process's copy of the tail, read inside store transactions only (the write lock makes what it reads
 * final): the rows committed since it last read are read again each time, whoever wrote them.
 */
export class BandTail {
  /** Articles at which a store moves the tail into the index. */
  readonly limit: number;
  /** The line the copy was read under; a store that moved the tail into the index moved it. */
  #through = -1;
  /** The highest article id read. Ids are AUTOINCREMENT and writers take turns, so later rows have higher ids. */
  #seen = -1;
  /** Per key, the first slot of its chain in #slots (slot + 1; 0 ends a chain). */
  #head = new Map<number, number>();
  /** Three numbers a slot: published_at, article id, the next slot of the same key (+ 1). */
  #slots = new Float64Array(3 * 1024);
  #used = 0;
  #articles = 0;
  /** Articles of the tail deleted since they were read (their story_keys row is gone). */
  #gone = new Set<number>();
  /** This process's own rows of the store in progress, added once its transaction has committed. */
  #staged: Array<{ articleId: number; publishedAt: number; keys: readonly number[] }> = [];
  #caughtUp = false;

  constructor(limit = BAND_TAIL_ARTICLES) {
    this.limit = limit;
  }

  /** Brings the copy up to what is committed; returns the line. In a write transaction. */
  async catchUp(db: Executor): Promise<number> {
    // Rows staged by a store whose transaction did not commit: never stored (or, committed, read below).
    this.#staged = [];
    this.#caughtUp = true;
    const through = await bandsThrough(db);
    if (through !== this.#through) this.#reset(through);
    const rows = await db.all<{ article_id: number; published_at: number; keys: string }>(sql`
      select article_id, published_at, keys from story_keys where article_id > ${this.#seen} order by article_id`);
    for (const row of rows) {
      const id = Number(row.article_id);
      const at = Number(row.published_at);
      for (const key of JSON.parse(row.keys) as number[]) this.#add(key, at, id);
      this.#articles++;
      this.#seen = id;
    }
    return through;
  }

  /**
   * The rows the store in progress writes to story_keys: committed, they join the copy without being read back
   * (no other writer can have committed in between: the transaction held the write lock).
   */
  stage(rows: ReadonlyArray<{ articleId: number; publishedAt: number; keys: readonly number[] }>): void {
    this.#staged.push(...rows);
  }

  /** The store's transaction committed: its staged rows are in the tail. */
  committed(): void {
    // Only right after a catch-up in the same transaction is nothing committed between the copy and these rows.
    const staged = this.#caughtUp ? this.#staged : [];
    this.#caughtUp = false;
    for (const row of staged) {
      if (row.articleId <= this.#seen) continue;
      for (const key of row.keys) this.#add(key, row.publishedAt, row.articleId);
      this.#articles++;
      this.#seen = row.articleId;
    }
    this.#staged = [];
  }

  /** Articles in the tail, as of the last catchUp. */
  get articles(): number {
    return this.#articles;
  }

  /**
   * The tail's newest `limit` rows of this key within [lo, hi] (by time, then id, both descending), as flat
   * published_at and article id pairs; undefined for none. A story copied a thousand times has a thousand rows
   * under each of its keys: they are walked, but only the newest are kept, as the index's lookup keeps them.
   */
  newest(key: number, lo: number, hi: number, limit: number): number[] | undefined {
    let out: number[] | undefined;
    const checkGone = this.#gone.size > 0;
    for (let slot = this.#head.get(key) ?? 0; slot !== 0; ) {
      const i = 3 * (slot - 1);
      slot = this.#slots[i + 2]!;
      const at = this.#slots[i]!;
      if (at < lo || at > hi) continue;
      const id = this.#slots[i + 1]!;
      if (checkGone && this.#gone.has(id)) continue;
      out ??= [];
      // Insertion into the short sorted list: its place from the end.
      let k = out.length;
      while (k > 0 && (out[k - 2]! < at || (out[k - 2] === at && out[k - 1]! < id))) k -= 2;
      if (k >= 2 * limit) continue;
      out.splice(k, 0, at, id);
      if (out.length > 2 * limit) out.length = 2 * limit;
    }
    return out;
  }

  /** Articles found in the tail that were deleted since: lookups skip them from now on. */
  forget(ids: Iterable<number>): void {
    for (const id of ids) this.#gone.add(id);
  }

  #reset(through: number): void {
    this.#through = through;
    this.#seen = through;
    this.#head.clear();
    this.#used = 0;
    this.#articles = 0;
    this.#gone.clear();
  }

  #add(key: number, at: number, id: number): void {
    if (3 * (this.#used + 1) > this.#slots.length) {
      const grown = new Float64Array(this.#slots.length * 2);
      grown.set(this.#slots);
      this.#slots = grown;
    }
    const i = 3 * this.#used++;
    this.#slots[i] = at;
    this.#slots[i + 1] = id;
    this.#slots[i + 2] = this.#head.get(key) ?? 0;
    this.#head.set(key, this.#used);
  }
}

const tails = new WeakMap<Db, BandTail>();

/**
 * The tail copy of this database client: one per client, kept between stores and passes. The first call makes
 * it, with its limit (tests lower it, to move the tail into the index within a few feeds).
 */
export function bandTailOf(db: Db, limit = BAND_TAIL_ARTICLES): BandTail {
  let tail = tails.get(db);
  if (!tail) {
    tail = new BandTail(limit);
    tails.set(db, tail);
  }
  return tail;
}

/**
 * The line (see above). A database that has none yet (new, or made before the tail) gets it at its last
 * indexed article, since until then every store wrote its band rows. In a write transaction.
 */
export async function bandsThrough(db: Executor): Promise<number> {
  const read = async () =>
    (await db.all<{ value: string }>(sql`select value from settings where key = ${THROUGH_KEY}`))[0]?.value;
  let value = await read();
  if (value === undefined) {
    await db.run(sql`
      insert into settings (key, value)
      select ${THROUGH_KEY}, cast(coalesce(max(article_id), 0) as text) from story_keys
      where true on conflict do nothing`);
    value = await read();
  }
  return Number(value);
}

/**
 * Moves the tail into the index: the band rows of every story_keys row above the line, sorted so they reach the
 * index's pages one after another, and the line up to the last of them. In the caller's write transaction.
 */
export async function moveTailIntoIndex(db: Executor): Promise<void> {
  const through = await bandsThrough(db);
  // DO NOTHING: a stories rebuild writes its articles' band rows itself, above the line too.
  await db.run(sql`
    insert into story_bands (week, key, published_at, article_id)
    select s.published_at / ${sql.raw(String(BAND_WEEK_MS))}, k.value, s.published_at, s.article_id
    from story_keys s, json_each(s.keys) k where s.article_id > ${through}
    order by 1, 2, 3, 4
    on conflict do nothing`);
  await db.run(sql`
    update settings set value = cast(max(${through}, coalesce((select max(article_id) from story_keys), 0)) as text)
    where key = ${THROUGH_KEY}`);
}
