import { jaccard } from "./shingles";

/**
 * Where each new article goes: into the story of its most similar stored or earlier article (exact Jaccard
 * similarity of their shingle sets at least `threshold`, published within `windowMs` of each other, same
 * language, which the band keys already ensure), or into a story of its own. Pure: the store reads the
 * candidates (articles sharing a band key) and writes the outcome.
 */
export interface PlacementOptions {
  /** The least Jaccard similarity of title-and-lead shingles that makes two articles one story. */
  threshold: number;
  /** How far apart in time two copies of one story may be published. */
  windowMs: number;
}

/** Earlier articles of the batch compared per band key, the latest first (db/queries/story-placement.ts). */
const BATCH_ROWS_PER_KEY = 8;

export const PLACEMENT: PlacementOptions = { threshold: 0.3, windowMs: 3 * 86_400_000 };

export interface ArticleToPlace {
  shingles: Uint32Array;
  /** Band keys (minhash.ts): articles sharing one are candidates. */
  keys: readonly number[];
  publishedAt: number;
}

export interface StoredCandidate {
  articleId: number;
  storyId: number;
  publishedAt: number;
  shingles: Uint32Array;
}

/** A stored story to join, or a new story, named by the batch index of the article that starts it. */
export type Placement = { storyId: number } | { newStoryOf: number };

export function placeArticles(
  items: readonly ArticleToPlace[],
  storedCandidates: (index: number) => readonly StoredCandidate[],
  options: PlacementOptions = PLACEMENT,
): Placement[] {
  const placements: Placement[] = [];
  // Earlier articles of this batch by band key (the latest few per key, as the store reads per key): a feed may
  // carry copies of one story, and comparing each of a thousand copies with all the others would cost n^2.
  const earlier = new Map<number, number[]>();
  items.forEach((item, index) => {
    let best: Placement | undefined;
    let bestScore = options.threshold;
    const consider = (publishedAt: number, shingles: Uint32Array, placement: () => Placement) => {
      // An identical copy is as near as any can be.
      if (bestScore === 1 && best !== undefined) return;
      if (Math.abs(publishedAt - item.publishedAt) > options.windowMs) return;
      const score = jaccard(item.shingles, shingles);
      // Ties go to the first seen: stored candidates come oldest story first.
      if (score >= bestScore && (best === undefined || score > bestScore)) {
        bestScore = score;
        best = placement();
      }
    };
    for (const c of storedCandidates(index))
      consider(c.publishedAt, c.shingles, () => ({ storyId: c.storyId }));
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
      const list = earlier.get(key);
      if (!list) earlier.set(key, [index]);
      else {
        list.push(index);
        if (list.length > BATCH_ROWS_PER_KEY) list.shift();
      }
    }
  });
  return placements;
}
