import { describe, expect, it } from "vitest";
import {
  adaptiveInterval,
  backoffDelay,
  DEFAULT_INTERVAL_MS,
  MAX_INTERVAL_MS,
  MIN_INTERVAL_MS,
  nextFetchAfterFailure,
} from "../../jobs/ingest/poll-schedule";

const MIN = 60_000;
const HOUR = 60 * MIN;

describe("adaptiveInterval", () => {
  it("uses the default when a feed has fewer than two dated entries", () => {
    expect(adaptiveInterval([])).toBe(DEFAULT_INTERVAL_MS);
    expect(adaptiveInterval([Date.UTC(2025, 0, 1)])).toBe(DEFAULT_INTERVAL_MS);
  });

  it("polls a busy wire feed at the minimum interval", () => {
    const times = Array.from({ length: 20 }, (_, i) => Date.UTC(2025, 0, 27) + i * 5 * MIN);
    expect(adaptiveInterval(times)).toBe(MIN_INTERVAL_MS);
  });

  it("polls about twice per gap between entries", () => {
    const times = Array.from({ length: 10 }, (_, i) => Date.UTC(2025, 0, 1) + i * 4 * HOUR);
    expect(adaptiveInterval(times)).toBe(2 * HOUR);
  });

  it("polls a weekly column once a day at most", () => {
    const times = Array.from({ length: 5 }, (_, i) => Date.UTC(2025, 0, 1) + i * 7 * 24 * HOUR);
    expect(adaptiveInterval(times)).toBe(MAX_INTERVAL_MS);
  });

  it("looks only at the newest twenty entries, in any order", () => {
    const old = Array.from({ length: 50 }, (_, i) => Date.UTC(2020, 0, 1) + i * 30 * 24 * HOUR);
    const recent = Array.from({ length: 20 }, (_, i) => Date.UTC(2025, 0, 1) + i * 2 * HOUR);
    expect(adaptiveInterval([...recent.reverse(), ...old])).toBe(HOUR);
  });
});

describe("backoff", () => {
  it("doubles from 15 minutes per consecutive failure up to a day", () => {
    const noJitter = () => 0.5;
    expect(backoffDelay(1, noJitter)).toBe(15 * MIN);
    expect(backoffDelay(2, noJitter)).toBe(30 * MIN);
    expect(backoffDelay(3, noJitter)).toBe(60 * MIN);
    expect(backoffDelay(20, noJitter)).toBe(24 * HOUR);
  });

  it("jitters by at most ten percent either way", () => {
    expect(backoffDelay(1, () => 0)).toBe(13.5 * MIN);
    expect(backoffDelay(1, () => 1)).toBe(16.5 * MIN);
  });

  it("honours a longer Retry-After and caps it at a week", () => {
    const now = Date.UTC(2025, 0, 1);
    const r = () => 0.5;
    expect(nextFetchAfterFailure({ now, errorCount: 1, retryAfterMs: 2 * HOUR, random: r })).toBe(
      now + 2 * HOUR,
    );
    expect(nextFetchAfterFailure({ now, errorCount: 1, retryAfterMs: 60_000, random: r })).toBe(
      now + 15 * MIN,
    );
    expect(nextFetchAfterFailure({ now, errorCount: 1, retryAfterMs: 365 * 24 * HOUR, random: r })).toBe(
      now + 7 * 24 * HOUR,
    );
  });
});
