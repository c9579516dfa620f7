import { type ConceptDefinition, countConceptTerms } from "../../core/tagging/concepts";
import { defaultConceptDefinitions } from "../../core/tagging/default-matcher";
import type { ArticleText } from "../../core/tagging/types";

const LATIN = [
  "ka",
  "lu",
  "mbe",
  "ta",
  "ri",
  "no",
  "sa",
  "go",
  "zi",
  "ba",
  "we",
  "dan",
  "por",
  "vil",
  "que",
  "ha",
];
const CYRILLIC = ["ка", "лу", "мбе", "та", "ри", "но", "са", "го", "зи", "ба", "ве", "дан"];
const ARABIC = ["كا", "لو", "مبي", "تا", "ري", "نو", "سا", "غو", "زي", "با", "وي", "دان"];
const DEVANAGARI = ["का", "लु", "म्बे", "टा", "री", "नो", "सा", "गो", "ज़ी", "बा", "वे", "दान"];
const HAN = [..."阿巴达加卡拉马纳萨塔瓦亚博多哥吉基利米尼佩里西蒂维尔内特斯克勒托"];
const HANGUL = [..."가나다라마바사아자카타파하코토포호누두루무부수우주"];

/** A seeded PRNG, so every run builds the same concept. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The words of the articles, most frequent first: a place name's first word is often a common one. */
function commonWords(articles: readonly ArticleText[], count: number): string[] {
  const seen = new Map<string, number>();
  for (const article of articles.slice(0, 2_000)) {
    for (const word of `${article.title} ${article.summary}`.match(/\p{L}{4,}/gu) ?? []) {
      seen.set(word, (seen.get(word) ?? 0) + 1);
    }
  }
  return [...seen]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, count)
    .map(([w]) => w);
}

/**
 * The bundled concepts with `@global-south` grown to `size` terms by made-up place names: words in five
 * scripts, Chinese and Korean names, prefix wildcards (demonym stems) and two-word names whose first word is
 * common in the articles (so they are woken and tried all the time), as the concept grows towards every
 * country's capitals and demonyms in 16 languages. Tagging must not slow down with a concept's size.
 */
export function grownConcepts(
  articles: readonly ArticleText[],
  size: number,
  seed = 11,
): ConceptDefinition[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const name = (syllables: readonly string[], min: number) => {
    let out = "";
    for (let n = min + Math.floor(next() * 3); n > 0; n--) out += pick(syllables);
    return out;
  };
  const common = commonWords(articles, 300);
  const base = defaultConceptDefinitions().find((c) => c.name === "global-south")!;
  const extra: string[] = [];
  let wildcards = 0;
  for (let n = countConceptTerms(base.query); n < size; n++) {
    const r = next();
    if (r < 0.45) extra.push(name(LATIN, 2));
    else if (r < 0.55) extra.push(name(CYRILLIC, 2));
    else if (r < 0.63) extra.push(name(ARABIC, 2));
    else if (r < 0.68) extra.push(name(DEVANAGARI, 2));
    else if (r < 0.72) extra.push(name(HAN, 2));
    else if (r < 0.75) extra.push(name(HANGUL, 2));
    else if (r < 0.79 && wildcards < 400) {
      wildcards++;
      extra.push(`${name(LATIN, 3)}*`);
    } else extra.push(`"${pick(common)} ${name(LATIN, 2)}"`);
  }
  const grown = { name: base.name, query: `(${base.query}) OR ${extra.join(" OR ")}` };
  return defaultConceptDefinitions().map((c) => (c.name === base.name ? grown : c));
}
