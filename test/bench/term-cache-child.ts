import { TermAnalyser } from "../../core/tagging/term-analysis";
import { TopicEvidence } from "../../core/tagging/topic-evidence";
import { openVocabulary } from "./open-vocabulary";

/**
 * Child process of evidence.bench.ts (run with --expose-gc): the heap the term analyser of the distinctive terms
 * (core/tagging/term-analysis.ts) holds over `ARTICLES` articles of an open vocabulary in ten languages, summaries
 * near the 2,000-character cap, as a news stream's long tail of names and compounds is:
 * - `analyserKeptBytes`: one analyser kept after the texts it read are gone (what its word caches and keys hold);
 * - `evidenceKeptBytes`: a whole TopicEvidence over those texts, beyond the texts themselves (what a terms request
 *   holds while it answers: its texts are alive then anyway).
 * Prints both as JSON.
 */
const ARTICLES = Number(process.argv[2] ?? 20_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

const next = openVocabulary(11);
const article = (i: number) => ({ id: i, ...next(i) });
const visitor = { term: () => {}, pair: () => {} };

gc();
let before = process.memoryUsage().heapUsed;
const analyser = new TermAnalyser();
for (let i = 0; i < ARTICLES; i++) {
  const a = article(i);
  analyser.analyse(a.title, a.lang, visitor);
  analyser.analyse(a.summary, a.lang, visitor);
}
gc();
const analyserKeptBytes = process.memoryUsage().heapUsed - before;

const topic = Array.from({ length: ARTICLES / 2 }, (_, i) => article(i));
const rest = Array.from({ length: ARTICLES / 2 }, (_, i) => article(ARTICLES + i));
gc();
before = process.memoryUsage().heapUsed;
const evidence = new TopicEvidence(topic, rest);
gc();
const evidenceKeptBytes = process.memoryUsage().heapUsed - before;

console.log(
  JSON.stringify({
    analyserKeptBytes,
    evidenceKeptBytes,
    keys: analyser.keys.length,
    evidenceArticles: evidence.topicArticles + evidence.restArticles,
  }),
);
