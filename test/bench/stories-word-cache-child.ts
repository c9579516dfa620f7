import { storyFingerprint } from "../../core/stories/fingerprint";
import { openVocabulary } from "./open-vocabulary";

/**
 * Child process of stories.bench.ts (run with --expose-gc): the heap that story fingerprints keep after
 * `ARTICLES` articles of an open vocabulary in ten languages, as a news stream's long tail of names, numbers and
 * compounds is. The million-article bench's vocabulary is 8,000 words, so its word caches never fill; this fills
 * them, with summaries near the 2,000-character cap. Prints {heapKeptBytes} as JSON.
 */
const ARTICLES = Number(process.argv[2] ?? 50_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");
const article = openVocabulary(7);

gc();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < ARTICLES; i++) {
  storyFingerprint({ ...article(i), publishedAt: 0 });
}
gc();
console.log(JSON.stringify({ heapKeptBytes: process.memoryUsage().heapUsed - before }));
