/**
 * At most `perKey` tasks at once for each key. The ingest pass keys it by host, so many feeds of one publisher
 * do not hammer it, and uses one key for reading documents, so only one document's parse tree is held
 * in memory at a time. In-process only: concurrent ingest processes are kept apart by feed leases instead.
 */
export class KeyedLimiter {
  readonly #perKey: number;
  readonly #active = new Map<string, number>();
  readonly #waiting = new Map<string, Array<() => void>>();

  constructor(perKey: number) {
    this.#perKey = Math.max(1, perKey);
  }

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    await this.#acquire(key);
    try {
      return await task();
    } finally {
      this.#release(key);
    }
  }

  #acquire(key: string): Promise<void> {
    const active = this.#active.get(key) ?? 0;
    if (active < this.#perKey) {
      this.#active.set(key, active + 1);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const queue = this.#waiting.get(key) ?? [];
      queue.push(resolve);
      this.#waiting.set(key, queue);
    });
  }

  #release(key: string): void {
    const next = this.#waiting.get(key)?.shift();
    if (next) {
      next(); // the slot passes straight to the next waiter
      return;
    }
    this.#waiting.delete(key);
    const active = (this.#active.get(key) ?? 1) - 1;
    if (active === 0) this.#active.delete(key);
    else this.#active.set(key, active);
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
