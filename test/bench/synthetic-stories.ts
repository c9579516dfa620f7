import { createHash } from "node:crypto";
import type { NormalizedArticle } from "../../jobs/ingest/normalize";

/**
 * A stream of synthetic articles in time order for the million-article clustering bench: invented words, stories
 * of one to ten copies (headline rewritten or kept, lead trimmed, a prefix), copies up to two days after the
 * first. Generated lazily, a few thousand items ahead, so the generator's own memory stays small beside what is
 * measured. Each entry key names its true story (`s<story>-c<copy>`), so the result can be scored in SQL.
 */
const LANGS = ["en", "en", "en", "de", "fr", "es", "pt"];
const HOUR = 3_600_000;

function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "re",
  "tu",
  "sa",
  "ne",
  "vo",
  "di",
  "pa",
  "ghe",
  "strom",
  "ix",
  "bar",
  "en",
];

export function* syntheticStories(
  total: number,
  start: number,
  spanMs: number,
): Generator<NormalizedArticle> {
  const random = prng(11);
  const vocabulary = Array.from({ length: 8_000 }, () => {
    const n = 2 + Math.floor(random() * 3);
    return Array.from({ length: n }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join("");
  });
  const words = (n: number) =>
    Array.from({ length: n }, () => vocabulary[Math.floor(random() ** 1.3 * vocabulary.length)]).join(" ");
  const perHour = Math.max(1, Math.round((total / 1.8 / spanMs) * HOUR));
  let pending: NormalizedArticle[] = [];
  let emitted = 0;
  let story = 0;
  for (let hour = start; emitted < total; hour += HOUR) {
    for (let s = 0; s < perHour; s++) {
      story++;
      const lang = LANGS[story % LANGS.length]!;
      const title = words(10);
      const lead = `${words(25)}. ${words(20)}. ${words(12)}.`;
      const copies = random() < 0.6 ? 1 : 2 + Math.floor(random() * 9);
      const first = hour + Math.floor(random() * HOUR);
      for (let c = 0; c < copies; c++) {
        const rewritten = c > 0 && random() < 0.4;
        const trimmed = c > 0 && random() < 0.5;
        pending.push(
          article(
            `s${story}-c${c}`,
            rewritten ? words(9) : c > 0 && random() < 0.3 ? `UPDATE: ${title}` : title,
            trimmed ? lead.slice(0, lead.lastIndexOf(". ", lead.length - 2) + 1) : lead,
            lang,
            first + (c === 0 ? 0 : Math.floor(random() * 48 * HOUR)),
          ),
        );
      }
    }
    // Everything before this hour is final: later stories start later.
    pending.sort((a, b) => a.publishedAt - b.publishedAt);
    const ready = pending.findIndex((a) => a.publishedAt >= hour + HOUR);
    const out = ready === -1 ? pending : pending.slice(0, ready);
    pending = ready === -1 ? [] : pending.slice(ready);
    for (const item of out) {
      if (emitted >= total) return;
      emitted++;
      yield item;
    }
  }
}

function article(
  key: string,
  title: string,
  summary: string,
  lang: string,
  publishedAt: number,
): NormalizedArticle {
  return {
    entryKey: key,
    guid: key,
    url: `https://stories.bench.example/${key}`,
    title,
    summary,
    author: null,
    lang,
    publishedAt,
    dateSource: "feed",
    contentHash: createHash("sha1").update(`${title}\n${summary}`).digest("hex"),
  };
}
