import { storyFingerprint } from "../../core/stories/fingerprint";

/**
 * Child process of stories.bench.ts (run with --expose-gc): the heap that story fingerprints keep after
 * `ARTICLES` articles of an open vocabulary in ten languages, as a news stream's long tail of names, numbers and
 * compounds is. The million-article bench's vocabulary is 8,000 words, so its word caches never fill; this fills
 * them, with summaries near the 2,000-character cap. Prints {heapKeptBytes} as JSON.
 */
const ARTICLES = Number(process.argv[2] ?? 50_000);
const LANGS = ["en", "de", "fr", "es", "pt", "it", "nl", "sv", "ru", "id"];
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

let seed = 7;
const random = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};
const word = () => {
  let w = "";
  for (let n = 3 + Math.floor(random() * 14); n > 0; n--)
    w += String.fromCharCode(97 + Math.floor(random() * 26));
  return w;
};

gc();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < ARTICLES; i++) {
  const words = Array.from({ length: 250 }, word);
  storyFingerprint({
    title: words.slice(0, 10).join(" "),
    summary: words.join(" ").slice(0, 1_900),
    lang: LANGS[i % LANGS.length]!,
    publishedAt: 0,
  });
}
gc();
console.log(JSON.stringify({ heapKeptBytes: process.memoryUsage().heapUsed - before }));
