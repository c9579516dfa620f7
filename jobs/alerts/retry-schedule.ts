/**
 * When a failed alert is tried again: the Standard Webhooks schedule. Attempt 1 goes out at once; after each
 * failure the next waits the following delay, so an event gets ten attempts over about three days, then it is
 * marked failed and stays in the log.
 */
export const RETRY_DELAYS_MS: readonly number[] = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  14 * 3_600_000,
  20 * 3_600_000,
  24 * 3_600_000,
];

export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length;

/** ±10%: receivers that went down together do not all get their retries in the same second. */
export const RETRY_JITTER = 0.1;

export interface RetryInput {
  /** Attempts made so far, the failed one included (1 after the first failure). */
  attempts: number;
  /** What the receiver asked for (429/503 Retry-After); it wins only when it is longer than the schedule. */
  retryAfterMs?: number | undefined;
  /** A uniform number in [0, 1); 0.5 means no jitter. */
  random: () => number;
}

/** Milliseconds until the next attempt, or null when the schedule is used up and the event has failed. */
export function nextRetryDelay({ attempts, retryAfterMs, random }: RetryInput): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const base = RETRY_DELAYS_MS[Math.max(attempts, 0)] ?? 0;
  const jittered = Math.round(base * (1 + RETRY_JITTER * (2 * random() - 1)));
  return Math.max(jittered, retryAfterMs ?? 0, 0);
}
