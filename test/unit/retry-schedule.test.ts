import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, nextRetryDelay, RETRY_DELAYS_MS } from "../../jobs/alerts/retry-schedule";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const middle = () => 0.5;

describe("the retry schedule", () => {
  it("is the Standard Webhooks schedule: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h", () => {
    expect(RETRY_DELAYS_MS).toEqual([
      0,
      5 * SECOND,
      5 * MINUTE,
      30 * MINUTE,
      2 * HOUR,
      5 * HOUR,
      10 * HOUR,
      14 * HOUR,
      20 * HOUR,
      24 * HOUR,
    ]);
    expect(MAX_ATTEMPTS).toBe(10);
  });

  it("waits the next delay after each failed attempt, and gives up after the tenth", () => {
    const delays = Array.from({ length: 10 }, (_, i) => nextRetryDelay({ attempts: i + 1, random: middle }));
    expect(delays).toEqual([...RETRY_DELAYS_MS.slice(1), null]);
    expect(nextRetryDelay({ attempts: 11, random: middle })).toBeNull();
  });

  it("spreads retries by at most 10% either way", () => {
    expect(nextRetryDelay({ attempts: 2, random: () => 0 })).toBe(4.5 * MINUTE);
    expect(nextRetryDelay({ attempts: 2, random: () => 0.999999 })).toBeCloseTo(5.5 * MINUTE, -2);
    for (let i = 0; i < 100; i++) {
      const delay = nextRetryDelay({ attempts: 1, random: Math.random })!;
      expect(delay).toBeGreaterThanOrEqual(4.5 * SECOND);
      expect(delay).toBeLessThanOrEqual(5.5 * SECOND);
    }
  });

  it("never schedules in the past, even with a random source out of range", () => {
    expect(nextRetryDelay({ attempts: 1, random: () => -20 })).toBe(0);
  });

  it("honours a Retry-After longer than the schedule and ignores a shorter one", () => {
    expect(nextRetryDelay({ attempts: 1, retryAfterMs: 120 * SECOND, random: middle })).toBe(120 * SECOND);
    expect(nextRetryDelay({ attempts: 3, retryAfterMs: 120 * SECOND, random: middle })).toBe(30 * MINUTE);
  });

  it("does not let Retry-After revive an event whose attempts are used up", () => {
    expect(nextRetryDelay({ attempts: 10, retryAfterMs: SECOND, random: middle })).toBeNull();
  });
});
