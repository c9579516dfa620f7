/** A budget of `limit` requests per `windowMs`, refilled continuously (a token bucket, not a fixed window). */
export interface Budget {
  limit: number;
  windowMs: number;
}

export type TakeResult = { ok: true } | { ok: false; retryAfterMs: number };

export interface TokenBuckets {
  /** Spends one token of `key`'s bucket, or says how long until one is back. */
  take(key: string): TakeResult;
  /** Whether `key` has a token left, spending nothing. */
  has(key: string): boolean;
  /** Buckets currently held in memory. */
  readonly size: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * One bucket per key, in memory. The map is kept in least-recently-used order, so idle buckets sit at its front:
 * each call drops front buckets that have refilled completely (forgetting them changes nothing), and past
 * `maxKeys` the least recently used go even if not full, which bounds memory under a flood of distinct clients.
 */
export function createTokenBuckets(
  budget: Budget,
  { maxKeys = 10_000, now = Date.now }: { maxKeys?: number; now?: () => number } = {},
): TokenBuckets {
  const capacity = budget.limit;
  const msPerToken = budget.windowMs / budget.limit;
  const buckets = new Map<string, Bucket>();

  const level = (bucket: Bucket, at: number) =>
    Math.min(capacity, bucket.tokens + (at - bucket.at) / msPerToken);

  function evictIdle(at: number): void {
    for (const [key, bucket] of buckets) {
      if (level(bucket, at) < capacity && buckets.size < maxKeys) break;
      buckets.delete(key);
    }
  }

  return {
    take(key) {
      const at = now();
      const found = buckets.get(key);
      const tokens = found ? level(found, at) : capacity;
      buckets.delete(key);
      if (tokens < 1) {
        buckets.set(key, { tokens, at });
        // Rounded down by a hair first, so float noise never adds a whole millisecond (and so a second).
        return { ok: false, retryAfterMs: Math.ceil((1 - tokens) * msPerToken - 1e-6) };
      }
      evictIdle(at);
      buckets.set(key, { tokens: tokens - 1, at });
      return { ok: true };
    },
    has(key) {
      const found = buckets.get(key);
      return found === undefined || level(found, now()) >= 1;
    },
    get size() {
      return buckets.size;
    },
  };
}
