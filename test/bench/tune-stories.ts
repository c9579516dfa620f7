import { bandKeys, minhashSignature } from "../../core/stories/minhash";
import { pairwiseScore } from "../../core/stories/pairwise-score";
import { type ArticleToPlace, placeArticles } from "../../core/stories/placement";
import { jaccard, storyShingles } from "../../core/stories/shingles";
import { readStorySet } from "./story-labels";

/**
 * Tuning on the dev set only: pairwise precision and recall of the placement over a grid of shingle sizes,
 * thresholds and bands, with every item placed in publication order as ingest would (one batch, so the band
 * index is the in-memory one of placement.ts). Also the Jaccard similarity of every labeled pair and of the
 * closest pairs of different stories, to see where a threshold can fall.
 *
 *   npx tsx test/bench/tune-stories.ts path/to/stories-dev.json
 */
const path = process.argv[2];
if (!path || /stories-test/.test(path))
  throw new Error("usage: tune-stories.ts stories-dev.json (never the test set)");
const items = readStorySet(path);
if (!items) throw new Error(`no file ${path}`);
const labels = items.map((i) => i.story);

for (const words of [1, 2, 3]) {
  for (const chars of [2, 3, 4]) {
    for (const leadTokens of [30, 60, 120]) {
      const shingles = items.map((i) =>
        storyShingles({ title: i.title, summary: i.summary, lang: i.lang }, { words, chars, leadTokens }),
      );
      // Exact pairs first: the best any banding can do.
      for (const threshold of [0.2, 0.25, 0.3, 0.35, 0.4, 0.5]) {
        for (const bands of [
          { bands: 1000, rows: 0 },
          { bands: 8, rows: 2 },
          { bands: 10, rows: 2 },
          { bands: 12, rows: 2 },
          { bands: 16, rows: 2 },
          { bands: 12, rows: 3 },
          { bands: 20, rows: 3 },
        ]) {
          const placed: ArticleToPlace[] = items.map((item, k) => ({
            shingles: shingles[k]!,
            keys: bands.rows === 0 ? [0] : bandKeys(minhashSignature(shingles[k]!, bands), item.lang, bands),
            publishedAt: Date.parse(item.publishedAt),
          }));
          const placements = placeArticles(placed, () => [], { threshold, windowMs: 3 * 86_400_000 });
          const root = (k: number): number => {
            const p = placements[k]!;
            return "newStoryOf" in p ? p.newStoryOf : -1;
          };
          const score = pairwiseScore(
            labels,
            placements.map((_, k) => root(k)),
          );
          const f = (2 * score.precision * score.recall) / (score.precision + score.recall);
          console.log(
            [
              words,
              chars,
              leadTokens,
              threshold,
              bands.rows === 0 ? "exact" : `${bands.bands}x${bands.rows}`,
            ].join("\t") +
              `\tP ${score.precision.toFixed(3)}\tR ${score.recall.toFixed(3)}\tF ${f.toFixed(3)}`,
          );
        }
      }
    }
  }
}
void jaccard;
