import { describe, expect, it } from "vitest";
import { storyFingerprint } from "../../../core/stories/fingerprint";
import {
  type ArticleToPlace,
  mostShared,
  PLACEMENT,
  type Placement,
  placeArticles,
  type StoredCandidate,
} from "../../../core/stories/placement";
import { jaccard } from "../../../core/stories/shingles";
import { composeSampleArticles } from "../../../jobs/sample/compose";

/**
 * placeArticles as first written, a comparison at a time: the specification the store's faster loop (no closure
 * or set per article) must answer exactly as.
 */
function placeOneByOne(
  items: readonly ArticleToPlace[],
  stored: (index: number) => readonly StoredCandidate[],
): Placement[] {
  const placements: Placement[] = [];
  const earlier = new Map<number, number[]>();
  items.forEach((item, index) => {
    let best: Placement | undefined;
    let bestScore = PLACEMENT.threshold;
    const consider = (publishedAt: number, shingles: Uint32Array, placement: () => Placement) => {
      if (bestScore === 1 && best !== undefined) return;
      if (Math.abs(publishedAt - item.publishedAt) > PLACEMENT.windowMs) return;
      const score = jaccard(item.shingles, shingles);
      if (score >= bestScore && (best === undefined || score > bestScore)) {
        bestScore = score;
        best = placement();
      }
    };
    for (const c of stored(index)) consider(c.publishedAt, c.shingles, () => ({ storyId: c.storyId }));
    const seen = new Set<number>();
    for (const key of item.keys) {
      for (const j of earlier.get(key) ?? []) {
        if (seen.has(j)) continue;
        seen.add(j);
        consider(items[j]!.publishedAt, items[j]!.shingles, () => placements[j]!);
      }
    }
    placements.push(best ?? { newStoryOf: index });
    for (const key of item.keys) {
      const list = earlier.get(key) ?? [];
      list.push(index);
      if (list.length > 8) list.shift();
      earlier.set(key, list);
    }
  });
  return placements;
}

describe("placeArticles", () => {
  it("places a batch of copies, near copies and strangers as one comparison at a time does", () => {
    const sample = composeSampleArticles().slice(0, 120);
    const DAY = 86_400_000;
    // Each sample text several times, at times up to a week apart (so some copies fall outside the window), some
    // with a trimmed lead (near copies), some with a stored story to join.
    const items = Array.from({ length: 900 }, (_, i) => {
      const a = sample[(i * 7) % sample.length]!;
      const summary = i % 3 === 0 ? a.summary.split(" ").slice(0, 12).join(" ") : a.summary;
      return storyFingerprint({
        title: a.title,
        summary,
        lang: a.outlet.lang ?? "en",
        publishedAt: a.publishedAt + ((i * 37) % 7) * DAY,
      });
    });
    const stored = (index: number): StoredCandidate[] =>
      index % 5 === 0
        ? [
            {
              articleId: 1,
              storyId: 10 + (index % 4),
              publishedAt: items[index]!.publishedAt,
              shingles: items[(index * 11) % items.length]!.shingles,
            },
            {
              articleId: 2,
              storyId: 20,
              publishedAt: items[index]!.publishedAt - 2 * DAY,
              shingles: items[index]!.shingles,
            },
          ]
        : [];

    const placed = placeArticles(items, stored);
    expect(placed).toEqual(placeOneByOne(items, stored));
    // The batch is not trivial: stories joined, batch copies merged, stories started.
    expect(placed.filter((p) => "storyId" in p).length).toBeGreaterThan(50);
    expect(new Set(placed.filter((p) => "newStoryOf" in p)).size).toBeLessThan(400);
    expect(new Set(placed.filter((p) => "newStoryOf" in p)).size).toBeGreaterThan(20);
  });
});

describe("mostShared", () => {
  it("takes the ids sharing the most keys, the lowest id first among equals, as a full sort does", () => {
    for (let seed = 1; seed <= 50; seed++) {
      const shared = new Map<number, number>();
      for (let i = 0; i < (seed * 7) % 30; i++)
        shared.set((seed * 31 + i * 17) % 97, 1 + ((seed + i * i) % 5));
      const sorted = [...shared]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, 4)
        .map(([id]) => id);
      expect(mostShared(shared, 4)).toEqual(sorted);
    }
  });
});
