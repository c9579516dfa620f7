/** An article as the live stream sends it (the `data:` of an `article` event). */
export interface StreamArticle {
  id: number;
  title: string;
  url: string | null;
  source: { id: number; name: string | null };
  lang: string | null;
  publishedAt: string;
  /** The story it reports (GET /api/stories/:id). */
  storyId: number | null;
  topics: Array<{ slug: string; terms: Array<{ term: string; field: string; start: number; end: number }> }>;
}

/** Where the hub reads new articles from: the database, so passes run by any process reach every server. */
export interface ArticleSource {
  latestId(): Promise<number>;
  /**
   * Articles with ids above `afterId`, at most `limit` ids looked at. `lastId` is the highest id looked at
   * (articles that are not streamed still move the cursor); `full` says the limit was reached.
   */
  after(
    afterId: number,
    limit: number,
  ): Promise<{ lastId: number; full: boolean; articles: StreamArticle[] }>;
}

export type HubListener = (articles: readonly StreamArticle[]) => void;

export interface HubSubscription {
  /** Every article with a higher id reaches the listener; the ones up to it are the caller's to fetch. */
  cursor: number;
  unsubscribe(): void;
}

export interface ArticleHubOptions {
  pollIntervalMs?: number;
  /** Ids looked at per query; a burst bigger than this is read in several queries back to back. */
  batchSize?: number;
  onError?: (error: unknown) => void;
}

/**
 * One poller per server for every stream client: it starts with the first subscriber, asks the database for
 * articles past its cursor about once a second, hands each batch to every listener, and stops (no timer left)
 * when the last subscriber leaves. A restart begins at the newest article; clients that were away catch up
 * with Last-Event-ID instead.
 */
export class ArticleHub {
  readonly #source: ArticleSource;
  readonly #interval: number;
  readonly #batch: number;
  readonly #onError: (error: unknown) => void;
  readonly #listeners = new Set<HubListener>();
  #cursor = 0;
  #timer: NodeJS.Timeout | undefined;
  #starting: Promise<void> | undefined;
  /** Bumped at every stop, so a query in flight from an earlier run neither delivers nor reschedules. */
  #generation = 0;

  constructor(source: ArticleSource, options: ArticleHubOptions = {}) {
    this.#source = source;
    this.#interval = options.pollIntervalMs ?? 1_000;
    this.#batch = options.batchSize ?? 500;
    this.#onError = options.onError ?? (() => {});
  }

  get subscriberCount(): number {
    return this.#listeners.size;
  }

  /** True while a poll is scheduled or starting. */
  get isPolling(): boolean {
    return this.#starting !== undefined;
  }

  async subscribe(listener: HubListener): Promise<HubSubscription> {
    this.#listeners.add(listener);
    try {
      await this.#start();
    } catch (error) {
      this.#remove(listener);
      throw error;
    }
    // Read after the listener was added: anything past this cursor is delivered to it, anything up to it
    // was seen before (a batch may also reach the listener and be at or below the cursor: callers dedupe by id).
    return { cursor: this.#cursor, unsubscribe: () => this.#remove(listener) };
  }

  #start(): Promise<void> {
    if (!this.#starting) {
      const generation = this.#generation;
      this.#starting = this.#source.latestId().then(
        (id) => {
          if (generation !== this.#generation) return;
          this.#cursor = id;
          this.#schedule(generation);
        },
        (error: unknown) => {
          if (generation === this.#generation) this.#starting = undefined;
          throw error;
        },
      );
    }
    return this.#starting;
  }

  #remove(listener: HubListener): void {
    this.#listeners.delete(listener);
    if (this.#listeners.size > 0) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#starting = undefined;
    this.#generation++;
  }

  #schedule(generation: number): void {
    this.#timer = setTimeout(() => void this.#poll(generation), this.#interval);
  }

  async #poll(generation: number): Promise<void> {
    this.#timer = undefined;
    try {
      for (;;) {
        const { lastId, full, articles } = await this.#source.after(this.#cursor, this.#batch);
        if (generation !== this.#generation) return;
        this.#cursor = Math.max(this.#cursor, lastId);
        if (articles.length > 0) for (const listener of [...this.#listeners]) listener(articles);
        if (!full) break;
      }
    } catch (error) {
      // A locked or unreachable database is retried at the next tick; clients keep their connection.
      this.#onError(error);
    }
    if (generation === this.#generation) this.#schedule(generation);
  }
}
