import { describe, expect, it } from "vitest";
import { ShingleCache } from "../../../core/stories/shingle-cache";
import { storyShingles } from "../../../core/stories/shingles";

const text = (n: number) => ({
  title: `DeepSeek R1 story number ${n} rattles chip stocks`,
  summary: `Lead of story ${n}.`,
  lang: "en",
});

describe("ShingleCache", () => {
  it("answers what storyShingles computes, and a remembered set for its very text", () => {
    const cache = new ShingleCache(10);
    expect([...cache.of(text(1))]).toEqual([...storyShingles(text(1))]);
    const given = Uint32Array.of(7, 8, 9);
    cache.remember(text(2), given);
    expect(cache.of(text(2))).toBe(given);
    // Another headline, another language: other keys, computed afresh.
    expect([...cache.of({ ...text(2), title: "Nvidia rebounds" })]).toEqual([
      ...storyShingles({ ...text(2), title: "Nvidia rebounds" }),
    ]);
    expect([...cache.of({ ...text(2), lang: "de" })]).toEqual([...storyShingles({ ...text(2), lang: "de" })]);
  });

  it("keeps the most recent texts up to its limit, dropping the oldest first", () => {
    const cache = new ShingleCache(3);
    const marks = [1, 2, 3, 4].map((n) => Uint32Array.of(n));
    for (const [i, mark] of marks.entries()) cache.remember(text(i + 1), mark);
    expect(cache.size).toBe(3);
    expect(cache.of(text(4))).toBe(marks[3]);
    expect(cache.of(text(2))).toBe(marks[1]);
    // Text 1 was dropped: computed again, no longer the remembered mark.
    expect([...cache.of(text(1))]).toEqual([...storyShingles(text(1))]);
    expect(cache.size).toBe(3);
  });

  it("drops the oldest texts while its keys and sets hold more than its bytes", () => {
    const long = (n: number) => ({ ...text(n), summary: "x".repeat(1_000) });
    // Each entry: ~1,050 characters of key at two bytes each, and a set of 4 bytes.
    const cache = new ShingleCache(100, 5_000);
    for (const n of [1, 2, 3]) cache.remember(long(n), Uint32Array.of(n));
    expect(cache.size).toBe(2);
    expect([...cache.of(long(1))]).toEqual([...storyShingles(long(1))]);
    expect(cache.of(long(3))).toEqual(Uint32Array.of(3));
  });
});
