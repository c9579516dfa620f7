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
  // The item each earlier article was last compared with (index + 1): one comparison per pair, without a set per
  // item (a feed of thousands of copies makes this loop a store's hot spot).
  const comparedFor = new Int32Array(items.length);
  items.forEach((item, index) => {
    // The best so far: a stored story, or an earlier article of the batch whose placement this one shares.
    let bestStory: number | undefined;
    let bestEarlier = -1;
    let bestScore = options.threshold;
    const found = () => bestStory !== undefined || bestEarlier >= 0;
    // Ties go to the first seen: stored candidates come oldest story first. An identical copy is as near as any.
    for (const c of storedCandidates(index)) {
      if (bestScore === 1 && found()) break;
      if (Math.abs(c.publishedAt - item.publishedAt) > options.windowMs) continue;
      const score = jaccard(item.shingles, c.shingles);
      if (score >= bestScore && (!found() || score > bestScore)) {
        bestScore = score;
        bestStory = c.storyId;
      }
    }
    for (const key of item.keys) {
      if (bestScore === 1 && found()) break;
      for (const j of earlier.get(key) ?? noEarlier) {
        if (comparedFor[j] === index + 1) continue;
        comparedFor[j] = index + 1;
        if (bestScore === 1 && found()) break;
        const other = items[j]!;
        if (Math.abs(other.publishedAt - item.publishedAt) > options.windowMs) continue;
        const score = jaccard(item.shingles, other.shingles);
        if (score >= bestScore && (!found() || score > bestScore)) {
          bestScore = score;
          bestStory = undefined;
          bestEarlier = j;
        }
      }
    }
    placements.push(
      bestEarlier >= 0
        ? placements[bestEarlier]!
        : bestStory !== undefined
          ? { storyId: bestStory }
          : { newStoryOf: index },
    );
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

const noEarlier: readonly number[] = [];

/**
 * The `n` stored articles sharing the most band keys with a new one (then the lowest ids), most first: the
 * candidates its text is compared with. `shared` counts the keys each shares.
 */
export function mostShared(shared: ReadonlyMap<number, number>, n: number): number[] {
  const ids: number[] = [];
  const counts: number[] = [];
  for (const [id, count] of shared) {
    let k = ids.length;
    while (k > 0 && (counts[k - 1]! < count || (counts[k - 1] === count && ids[k - 1]! > id))) k--;
    if (k >= n) continue;
    ids.splice(k, 0, id);
    counts.splice(k, 0, count);
    if (ids.length > n) {
      ids.length = n;
      counts.length = n;
    }
  }
  return ids;
}
